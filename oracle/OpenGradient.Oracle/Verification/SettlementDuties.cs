using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Jobs;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;

namespace OpenGradient.Oracle.Verification;

/// <summary>
/// Settles due jobs on a chain-time tick: finalizes jobs whose challenge window closed (or that a dispute upheld)
/// in batches through <c>finalizeBatch</c> (passing the posted outputs so callbacks run), and expires other
/// executors' jobs left without a result past their deadline. Finalization is idempotent on chain (a batch skips
/// jobs already settled), so a batch resent after a restart costs gas but never pays twice.
/// </summary>
internal sealed class SettlementDuties : BackgroundService
{
    private readonly JobStore _store;
    private readonly IHubTransactions _hub;
    private readonly IChainView _chain;
    private readonly NodeKey _key;
    private readonly VerificationOptions _options;
    private readonly OracleMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<SettlementDuties> _log;
    private readonly HashSet<ulong> _expireTried = [];

    public SettlementDuties(
        JobStore store,
        IHubTransactions hub,
        IChainView chain,
        NodeKey key,
        IOptions<VerificationOptions> options,
        OracleMetrics metrics,
        TimeProvider time,
        ILogger<SettlementDuties> log)
    {
        _store = store;
        _hub = hub;
        _chain = chain;
        _key = key;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _log = log;
    }

    /// <summary>One settlement pass: at most one finalization batch and the overdue expiries (public for tests).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var chainNow = await _chain.GetChainTimeAsync(cancellationToken).ConfigureAwait(false);
        if (_options.FinalizeEnabled)
        {
            await FinalizeDueAsync(chainNow, cancellationToken).ConfigureAwait(false);
        }

        if (_options.ExpireOverdueJobs)
        {
            await ExpireOverdueAsync(chainNow, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.TickInterval, _time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                VerificationLog.DutyFailed(_log, "settlement", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task FinalizeDueAsync(ulong chainNow, CancellationToken cancellationToken)
    {
        var resendBefore = chainNow > (ulong)_options.FinalizeResendAfterSeconds ? chainNow - (ulong)_options.FinalizeResendAfterSeconds : 0;
        var due = _store.DueForFinalization(chainNow, _options.FinalizeAllJobs ? null : _key.Address, resendBefore, _options.FinalizeBatchSize);
        if (due.Count == 0)
        {
            return;
        }

        var ids = new ulong[due.Count];
        var withCallback = false;
        for (var i = 0; i < due.Count; i++)
        {
            ids[i] = due[i].JobId;
            withCallback |= due[i].CallbackGasLimit != 0 && due[i].Output is not null;
        }

        var outputs = new byte[withCallback ? due.Count : 0][];
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i] = due[i].Output ?? [];
        }

        // Recorded before sending: a crash after the send does not resend until the resend delay passed.
        _store.MarkFinalizeSent(ids, chainNow);
        var key = string.Create(CultureInfo.InvariantCulture, $"finalize:{ids[0]}-{ids[^1]}x{ids.Length}@{chainNow}");
        var result = await _hub.FinalizeBatchAsync(ids, outputs, key, CancellationToken.None).ConfigureAwait(false);
        if (result.Succeeded)
        {
            VerificationLog.Finalized(_log, ids.Length, ids.Length);
        }
        else
        {
            VerificationLog.Refused(_log, ids[0], "finalizeBatch", result.ErrorName ?? result.Status.ToString(), result.Detail);
        }
    }

    private async Task ExpireOverdueAsync(ulong chainNow, CancellationToken cancellationToken)
    {
        foreach (var job in _store.Overdue(chainNow, _key.Address, 16))
        {
            if (!_expireTried.Add(job.JobId))
            {
                continue;
            }

            var result = await _hub.ExpireAsync(job.JobId, CancellationToken.None).ConfigureAwait(false);
            if (result.Succeeded)
            {
                VerificationLog.Expired(_log, job.JobId);
                _metrics.JobsTotal.WithLabels("expired").Inc();
            }
            else if (result.Status == HubTxStatus.Failed)
            {
                _expireTried.Remove(job.JobId);
            }
        }
    }
}
