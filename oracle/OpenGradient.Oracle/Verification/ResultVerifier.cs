using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Jobs;
using OpenGradient.Oracle.Ops;
using OpenGradient.Oracle.Testing;
using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Verification;

/// <summary>
/// Re-executes outcomes posted by other nodes (those the sampler picks), and challenges the ones judged wrong
/// while the window is open. Never challenges an outcome within tolerance (unless the testing switch
/// <c>Testing:ChallengeHonestResults</c> makes it a lying challenger on the devnet).
/// </summary>
internal sealed class ResultVerifier : BackgroundService
{
    private readonly JobStore _store;
    private readonly OutcomeJudge _judge;
    private readonly IHubTransactions _hub;
    private readonly IChainView _chain;
    private readonly VerificationOptions _options;
    private readonly TestingOptions _testing;
    private readonly OracleMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ResultVerifier> _log;
    private readonly Channel<ulong> _queue;

    public ResultVerifier(
        JobStore store,
        OutcomeJudge judge,
        IHubTransactions hub,
        IChainView chain,
        IOptions<VerificationOptions> options,
        IOptions<TestingOptions> testing,
        OracleMetrics metrics,
        TimeProvider time,
        ILogger<ResultVerifier> log)
    {
        _store = store;
        _judge = judge;
        _hub = hub;
        _chain = chain;
        _options = options.Value;
        _testing = testing.Value;
        _metrics = metrics;
        _time = time;
        _log = log;
        _queue = Channel.CreateBounded<ulong>(new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Queues a job whose posted outcome was marked for verification in the store.</summary>
    public ValueTask EnqueueAsync(ulong jobId, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(jobId, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None);
        foreach (var job in _store.PendingVerifications())
        {
            await EnqueueAsync(job.JobId, stoppingToken).ConfigureAwait(false);
        }

        await worker.ConfigureAwait(false);
    }

    /// <summary>Verifies one job now (the worker's step; public for tests).</summary>
    public async Task VerifyAsync(ulong jobId, CancellationToken cancellationToken)
    {
        var job = _store.GetJob(jobId);
        if (job is null || job.VerificationStage is not (VerificationStage.Pending or VerificationStage.Challenging)
            || job.ChainStatus is not (JobStatus.Submitted or JobStatus.FailureReported))
        {
            return;
        }

        if (job.VerificationStage == VerificationStage.Pending)
        {
            var judgement = await _judge.JudgeAsync(job, cancellationToken).ConfigureAwait(false);
            VerificationLog.Judged(_log, jobId, judgement.Verdict, judgement.Reason);
            _metrics.VerificationsTotal.WithLabels(judgement.Verdict switch
            {
                Verdict.Valid => "agree",
                Verdict.Invalid => "disagree",
                _ => "skipped",
            }).Inc();
            var challenge = judgement.Verdict == Verdict.Invalid;
            if (_testing.ChallengeHonestResults && !challenge)
            {
                VerificationLog.LyingChallenge(_log, jobId, judgement.Verdict);
                challenge = true;
            }

            if (!challenge || !_options.ChallengeEnabled)
            {
                _store.SetVerificationStage(jobId, judgement.Verdict == Verdict.Valid ? VerificationStage.Agreed : VerificationStage.Skipped);
                return;
            }

            _store.SetVerificationStage(jobId, VerificationStage.Challenging);
        }

        var chainNow = await _chain.GetChainTimeAsync(cancellationToken).ConfigureAwait(false);
        var deadline = job.ChallengeDeadline ?? 0;
        if (chainNow + (ulong)_options.ChallengeMarginSeconds >= deadline)
        {
            VerificationLog.WindowClosed(_log, jobId, deadline, chainNow);
            _store.SetVerificationStage(jobId, VerificationStage.Skipped);
            return;
        }

        VerificationLog.Challenging(_log, jobId);
        var result = await _hub.ChallengeAsync(jobId, CancellationToken.None).ConfigureAwait(false);
        switch (result.Status)
        {
            case HubTxStatus.Succeeded:
                _store.SetVerificationStage(jobId, VerificationStage.Challenged);
                _metrics.DisputesTotal.WithLabels("challenged").Inc();
                break;
            case HubTxStatus.Reverted:
                // Someone else challenged first (InvalidJobStatus), or the window closed: nothing to add.
                VerificationLog.Refused(_log, jobId, "challenge", result.ErrorName ?? "?", result.Detail);
                _store.SetVerificationStage(jobId, VerificationStage.Skipped);
                break;
            default:
                VerificationLog.NotConfirmed(_log, jobId, "challenge", result.Detail);
                _ = RequeueLaterAsync(jobId, cancellationToken);
                break;
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var jobId in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await VerifyAsync(jobId, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    VerificationLog.DutyFailed(_log, "verification", e.Message);
                    _ = RequeueLaterAsync(jobId, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RequeueLaterAsync(ulong jobId, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(_options.TickInterval * 2, _time, stoppingToken).ConfigureAwait(false);
            await EnqueueAsync(jobId, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
