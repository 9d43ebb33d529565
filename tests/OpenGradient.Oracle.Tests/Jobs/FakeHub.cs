using System.Collections.Concurrent;
using OpenGradient.Oracle.Jobs;

namespace OpenGradient.Oracle.Tests.Jobs;

/// <summary>
/// An in-memory hub seam: records each call with its idempotency key, answers with a configurable result, and
/// lets tests await a call. Like the real sender, a key already sent returns its first result without a second send.
/// </summary>
internal sealed class FakeHub : IHubTransactions
{
    private readonly ConcurrentDictionary<string, HubTxResult> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<HubCall> _calls = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the next calls answer (by function name); Success when not set.</summary>
    public ConcurrentDictionary<string, HubTxResult> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>Every distinct transaction sent, in order.</summary>
    public IReadOnlyList<HubCall> Calls => [.. _calls];

    public Task<HubTxResult> SubmitResultAsync(ulong jobId, byte[] output, CancellationToken cancellationToken) =>
        Send(new HubCall("submitResult", $"submit:{jobId}", jobId) { Output = output });

    public Task<HubTxResult> ReportFailureAsync(ulong jobId, byte failureCode, CancellationToken cancellationToken) =>
        Send(new HubCall("reportFailure", $"submit:{jobId}", jobId) { FailureCode = failureCode });

    public Task<HubTxResult> ChallengeAsync(ulong jobId, CancellationToken cancellationToken) =>
        Send(new HubCall("challenge", $"challenge:{jobId}", jobId));

    public Task<HubTxResult> CommitVoteAsync(ulong jobId, byte[] commitHash, CancellationToken cancellationToken) =>
        Send(new HubCall("commitVote", $"vote-commit:{jobId}", jobId) { Hash = commitHash });

    public Task<HubTxResult> RevealVoteAsync(ulong jobId, bool valid, byte[] salt, CancellationToken cancellationToken) =>
        Send(new HubCall("revealVote", $"vote-reveal:{jobId}", jobId) { Valid = valid, Hash = salt });

    public Task<HubTxResult> ResolveDisputeAsync(ulong jobId, int attempt, CancellationToken cancellationToken) =>
        Send(new HubCall("resolveDispute", $"resolve:{jobId}:{attempt}", jobId));

    public Task<HubTxResult> FinalizeBatchAsync(IReadOnlyList<ulong> jobIds, IReadOnlyList<byte[]> outputs, string batchKey, CancellationToken cancellationToken) =>
        Send(new HubCall("finalizeBatch", batchKey, jobIds[0]) { JobIds = jobIds, Outputs = outputs });

    public Task<HubTxResult> ExpireAsync(ulong jobId, CancellationToken cancellationToken) =>
        Send(new HubCall("expire", $"expire:{jobId}", jobId));

    /// <summary>Waits (bounded) until a call satisfies <paramref name="predicate"/>.</summary>
    public async Task<HubCall> WaitForAsync(Func<HubCall, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            foreach (var call in _calls)
            {
                if (predicate(call))
                {
                    return call;
                }
            }

            await changed.WaitAsync(cancel.Token).ConfigureAwait(false);
        }
    }

    private Task<HubTxResult> Send(HubCall call)
    {
        var result = _sent.GetOrAdd(call.Key, _ =>
        {
            _calls.Enqueue(call);
            return Answers.TryGetValue(call.Function, out var answer) ? answer : HubTxResult.Success;
        });
        lock (_gate)
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return Task.FromResult(result);
    }
}
