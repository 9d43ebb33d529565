using System.Numerics;
using Microsoft.Extensions.Options;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Transactions;

namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// The hub calls of the job features as durable, idempotent intents of the node's <see cref="TxSender"/>, with calldata
/// from the generated <see cref="InferenceHubService"/> encoders. Keys: <c>submit:&lt;jobId&gt;</c> (a result or a failure:
/// one outcome per job, ever), <c>challenge:&lt;jobId&gt;</c>, <c>vote-commit:&lt;jobId&gt;</c>, <c>vote-reveal:&lt;jobId&gt;</c>,
/// <c>resolve:&lt;jobId&gt;:&lt;attempt&gt;</c>, <c>expire:&lt;jobId&gt;</c>, and the finalizer's batch keys. The challenge bond
/// is covered by a one-time unlimited approval of the hub (<c>approve:hub-bond</c>).
/// </summary>
internal sealed class HubTransactions : IHubTransactions
{
    private readonly TxSender _sender;
    private readonly JsonRpcClient _rpc;
    private readonly NodeKey _key;
    private readonly Address _hub;
    private readonly Address _token;

    public HubTransactions(TxSender sender, JsonRpcClient rpc, NodeKey key, IOptions<ChainOptions> chain)
    {
        _sender = sender;
        _rpc = rpc;
        _key = key;
        _hub = Address.Parse(chain.Value.HubAddress!);
        _token = Address.Parse(chain.Value.TokenAddress!);
    }

    public Task<HubTxResult> SubmitResultAsync(ulong jobId, byte[] output, CancellationToken cancellationToken) =>
        SendAsync($"submit:{jobId}", InferenceHubService.EncodeSubmitResult(jobId, output), cancellationToken);

    public Task<HubTxResult> ReportFailureAsync(ulong jobId, byte failureCode, CancellationToken cancellationToken) =>
        SendAsync($"submit:{jobId}", InferenceHubService.EncodeReportFailure(jobId, failureCode), cancellationToken);

    public async Task<HubTxResult> ChallengeAsync(ulong jobId, CancellationToken cancellationToken)
    {
        var allowance = await AllowanceAsync(cancellationToken).ConfigureAwait(false);
        if (allowance < BigInteger.One << 200)
        {
            var approval = await SendToAsync(_token, "approve:hub-bond", OPGTokenService.EncodeApprove(_hub, (BigInteger.One << 256) - 1), cancellationToken).ConfigureAwait(false);
            if (!approval.Succeeded)
            {
                return approval;
            }
        }

        return await SendAsync($"challenge:{jobId}", InferenceHubService.EncodeChallenge(jobId), cancellationToken).ConfigureAwait(false);
    }

    public Task<HubTxResult> CommitVoteAsync(ulong jobId, byte[] commitHash, CancellationToken cancellationToken) =>
        SendAsync($"vote-commit:{jobId}", InferenceHubService.EncodeCommitVote(jobId, commitHash), cancellationToken);

    public Task<HubTxResult> RevealVoteAsync(ulong jobId, bool valid, byte[] salt, CancellationToken cancellationToken) =>
        SendAsync($"vote-reveal:{jobId}", InferenceHubService.EncodeRevealVote(jobId, valid, salt), cancellationToken);

    public Task<HubTxResult> ResolveDisputeAsync(ulong jobId, int attempt, CancellationToken cancellationToken) =>
        SendAsync($"resolve:{jobId}:{attempt}", InferenceHubService.EncodeResolveDispute(jobId), cancellationToken);

    public Task<HubTxResult> FinalizeBatchAsync(IReadOnlyList<ulong> jobIds, IReadOnlyList<byte[]> outputs, string batchKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var ids = new BigInteger[jobIds.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = jobIds[i];
        }

        return SendAsync(batchKey, InferenceHubService.EncodeFinalizeBatch(ids, outputs), cancellationToken);
    }

    public Task<HubTxResult> ExpireAsync(ulong jobId, CancellationToken cancellationToken) =>
        SendAsync($"expire:{jobId}", InferenceHubService.EncodeExpire(jobId), cancellationToken);

    private Task<HubTxResult> SendAsync(string key, byte[] data, CancellationToken cancellationToken) => SendToAsync(_hub, key, data, cancellationToken);

    private async Task<HubTxResult> SendToAsync(Address to, string key, byte[] data, CancellationToken cancellationToken)
    {
        TxOutcome outcome;
        try
        {
            outcome = await _sender.SubmitAsync(new TxIntent(key, to, data), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return HubTxResult.Failed($"stopped waiting for {key}; the sender keeps it and resumes it after a restart");
        }
        catch (Exception e) when (e is JsonRpcException or RpcTransportException or HttpRequestException or TimeoutException)
        {
            return HubTxResult.Failed($"{key}: {e.Message}");
        }

        return outcome.Status switch
        {
            TxStatus.Succeeded => HubTxResult.Success,
            TxStatus.Reverted => HubTxResult.Reverted(outcome.ErrorName ?? "Reverted", outcome.Detail),
            _ => HubTxResult.Reverted("Rejected", outcome.Detail),
        };
    }

    private async Task<BigInteger> AllowanceAsync(CancellationToken cancellationToken)
    {
        var call = new CallRequest { To = _token, Data = OPGTokenService.EncodeAllowance(_key.Address, _hub) };
        var output = await _rpc.CallAsync(call, BlockParameter.Latest, null, cancellationToken).ConfigureAwait(false);
        return output.Length < 32 ? BigInteger.Zero : new BigInteger(output.AsSpan(0, 32), isUnsigned: true, isBigEndian: true);
    }
}
