using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Jobs;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;
using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Verification;

/// <summary>
/// This node's committee seats, driven by chain time: decide the vote by re-executing (and store it with a fresh
/// salt BEFORE the commit is sent, so a restart can still reveal), commit while the commit phase is open, reveal
/// after the commit deadline, and resolve after the reveal deadline. Also resolves disputes this node opened.
/// </summary>
internal sealed class DisputeDuties : BackgroundService
{
    private readonly JobStore _store;
    private readonly OutcomeJudge _judge;
    private readonly IHubTransactions _hub;
    private readonly IChainView _chain;
    private readonly NodeKey _key;
    private readonly VerificationOptions _options;
    private readonly OracleMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<DisputeDuties> _log;
    private readonly SemaphoreSlim _wake = new(0);

    public DisputeDuties(
        JobStore store,
        OutcomeJudge judge,
        IHubTransactions hub,
        IChainView chain,
        NodeKey key,
        IOptions<VerificationOptions> options,
        OracleMetrics metrics,
        TimeProvider time,
        ILogger<DisputeDuties> log)
    {
        _store = store;
        _judge = judge;
        _hub = hub;
        _chain = chain;
        _key = key;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _log = log;
    }

    /// <summary>Runs the next step now instead of at the next tick (a new seat was recorded).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <summary>Advances every open seat by at most one step each (public for tests).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var vote in _store.OpenVotes())
        {
            await StepAsync(vote, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                VerificationLog.DutyFailed(_log, "dispute", e.Message);
            }

            // Next tick, or sooner when a new seat wakes the loop.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var tick = Task.Delay(_options.TickInterval, _time, wait.Token);
            var woken = _wake.WaitAsync(wait.Token);
            await Task.WhenAny(tick, woken).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(tick, woken).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task StepAsync(VoteRecord vote, CancellationToken cancellationToken)
    {
        var job = _store.GetJob(vote.JobId);
        if (job is null)
        {
            return;
        }

        if (job.ChainStatus != JobStatus.Disputed)
        {
            _store.AdvanceVote(vote.JobId, VoteStage.Done);
            return;
        }

        var chainNow = await _chain.GetChainTimeAsync(cancellationToken).ConfigureAwait(false);
        switch (vote.Stage)
        {
            case VoteStage.Pending:
                var judgement = await _judge.JudgeAsync(job, cancellationToken).ConfigureAwait(false);

                // Cannot tell: the posted outcome stands (presumption of innocence); abstaining would be slashed.
                var valid = judgement.Verdict != Verdict.Invalid;
                _store.DecideVote(vote.JobId, valid, RandomNumberGenerator.GetBytes(32));
                VerificationLog.VoteDecided(_log, vote.JobId, valid, judgement.Reason);
                Wake();
                break;

            case VoteStage.Decided:
                if (chainNow >= vote.CommitDeadline)
                {
                    VerificationLog.VoteMissed(_log, vote.JobId, "commit", vote.CommitDeadline, chainNow, "committed");
                    _store.AdvanceVote(vote.JobId, VoteStage.Missed);
                    return;
                }

                var hash = VoteCommitment.Compute(vote.JobId, vote.Valid!.Value, vote.Salt, _key.Address);
                var committed = await _hub.CommitVoteAsync(vote.JobId, hash, CancellationToken.None).ConfigureAwait(false);
                if (Advance(vote.JobId, "commit", committed, VoteStage.Committed, "AlreadyCommitted"))
                {
                    _metrics.DisputesTotal.WithLabels("voted_commit").Inc();
                }

                break;

            case VoteStage.Committed:
                if (chainNow <= vote.CommitDeadline)
                {
                    return; // reveal opens after the commit deadline
                }

                if (chainNow > vote.RevealDeadline)
                {
                    VerificationLog.VoteMissed(_log, vote.JobId, "reveal", vote.RevealDeadline, chainNow, "revealed");
                    _store.AdvanceVote(vote.JobId, VoteStage.Missed);
                    return;
                }

                var revealed = await _hub.RevealVoteAsync(vote.JobId, vote.Valid!.Value, vote.Salt!, CancellationToken.None).ConfigureAwait(false);
                if (Advance(vote.JobId, "reveal", revealed, VoteStage.Revealed, "NothingToReveal"))
                {
                    _metrics.DisputesTotal.WithLabels("voted_reveal").Inc();
                }

                break;

            case VoteStage.Revealed:
                if (chainNow <= vote.RevealDeadline)
                {
                    return;
                }

                var attempt = _store.CountResolveAttempt(vote.JobId);
                var resolved = await _hub.ResolveDisputeAsync(vote.JobId, attempt, CancellationToken.None).ConfigureAwait(false);
                if (resolved.Status == HubTxStatus.Reverted && resolved.ErrorName != "DeadlineNotReached")
                {
                    // InvalidJobStatus: someone else resolved it; the DisputeResolved log closes the seat.
                    _store.AdvanceVote(vote.JobId, VoteStage.Done);
                }

                break;
        }
    }

    private bool Advance(ulong jobId, string step, HubTxResult result, VoteStage next, string alreadyDoneError)
    {
        switch (result.Status)
        {
            case HubTxStatus.Succeeded:
                _store.AdvanceVote(jobId, next);
                VerificationLog.VoteStep(_log, jobId, step);
                return true;
            case HubTxStatus.Reverted when result.ErrorName == alreadyDoneError:
                _store.AdvanceVote(jobId, next);
                return false;
            case HubTxStatus.Reverted:
                VerificationLog.Refused(_log, jobId, step, result.ErrorName ?? "?", result.Detail);
                _store.AdvanceVote(jobId, VoteStage.Missed);
                return false;
            default:
                VerificationLog.NotConfirmed(_log, jobId, step, result.Detail);
                return false;
        }
    }
}
