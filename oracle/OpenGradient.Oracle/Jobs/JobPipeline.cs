using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Execution;
using OpenGradient.Oracle.Ops;
using OpenGradient.Oracle.Testing;
using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// Executes the jobs assigned to this node on three bounded stages: prepare (registry terms, model fetch with
/// sha256 check, session load) → execute (input validation and the shared execution core) → submit
/// (<c>submitResult</c> or <c>reportFailure</c> through the idempotent hub transactions, before the deadline).
/// The job store is the source of truth: on start the pipeline re-queues every job of this node that has not
/// reached the chain, and a job handed to the sender twice is sent once (idempotency key <c>submit:&lt;jobId&gt;</c>).
/// </summary>
internal sealed class JobPipeline : BackgroundService
{
    private readonly JobStore _store;
    private readonly InferenceRunner _runner;
    private readonly IHubTransactions _hub;
    private readonly IChainView _chain;
    private readonly JobsOptions _options;
    private readonly TestingOptions _testing;
    private readonly TimeProvider _time;
    private readonly ILogger<JobPipeline> _log;
    private readonly OracleMetrics _metrics;
    private readonly Channel<ulong> _incoming;
    private readonly Channel<PipelineItem> _prepared;
    private readonly Channel<PipelineItem> _executed;
    private readonly SemaphoreSlim _submissions;
    private readonly ConcurrentDictionary<ulong, byte> _active = new();

    public JobPipeline(
        JobStore store,
        InferenceRunner runner,
        IHubTransactions hub,
        IChainView chain,
        IOptions<JobsOptions> options,
        IOptions<TestingOptions> testing,
        OracleMetrics metrics,
        TimeProvider time,
        ILogger<JobPipeline> log)
    {
        _metrics = metrics;
        _store = store;
        _runner = runner;
        _hub = hub;
        _chain = chain;
        _options = options.Value;
        _testing = testing.Value;
        _time = time;
        _log = log;
        var bounded = new BoundedChannelOptions(_options.PipelineCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true };
        _incoming = Channel.CreateBounded<ulong>(bounded);
        _prepared = Channel.CreateBounded<PipelineItem>(bounded);
        _executed = Channel.CreateBounded<PipelineItem>(bounded);
        _submissions = new SemaphoreSlim(_options.MaxConcurrentSubmissions);
    }

    /// <summary>Queues an assigned job (waits while the first stage is full); a job already in the pipeline is not queued twice.</summary>
    public ValueTask EnqueueAsync(ulong jobId, CancellationToken cancellationToken) =>
        _active.TryAdd(jobId, 0) ? _incoming.Writer.WriteAsync(jobId, cancellationToken) : ValueTask.CompletedTask;

    public override void Dispose()
    {
        _submissions.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stages = new[]
        {
            Task.Run(() => PrepareLoopAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => ExecuteLoopAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => SubmitLoopAsync(stoppingToken), CancellationToken.None),
        };

        // Recovery: everything of ours that has not reached the chain goes through again; the sender's
        // idempotency keys turn a repeat of an already-sent transaction into a reconciliation.
        var pending = _store.PendingExecutions();
        if (pending.Count > 0)
        {
            JobsLog.Recovering(_log, pending.Count);
        }

        foreach (var job in pending)
        {
            await EnqueueAsync(job.JobId, stoppingToken).ConfigureAwait(false);
        }

        await Task.WhenAll(stages).ConfigureAwait(false);
    }

    private async Task PrepareLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var jobId in _incoming.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var job = _store.GetJob(jobId);
                if (job is null || job.ChainStatus != JobStatus.Assigned || job.ExecutionStage is not (ExecutionStage.Pending or ExecutionStage.Submitting))
                {
                    _active.TryRemove(jobId, out _);
                    continue; // already on chain, or not ours
                }

                PreparedModel model;
                try
                {
                    model = await _runner.PrepareAsync(job.ModelId, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The registry read failed (RPC down): try again later rather than report a failure.
                    JobsLog.PrepareRetry(_log, jobId, e.Message);
                    _active.TryRemove(jobId, out _);
                    _ = RequeueLaterAsync(jobId, stoppingToken);
                    continue;
                }

                await _prepared.Writer.WriteAsync(new PipelineItem(job, model), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ExecuteLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _prepared.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var outcome = _runner.Execute(item.Model!, item.Job.Input);
                if (outcome.Reason == Inference.Execution.FailureReason.ModelUnavailable && item.Model!.IsReady)
                {
                    try
                    {
                        outcome = await _runner.RunAsync(item.Job.ModelId, item.Job.Input, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // Re-preparing read the registry and the read failed (RPC down): an exception here would end this
                        // stage for every later job, so put this one back and go on.
                        JobsLog.PrepareRetry(_log, item.Job.JobId, e.Message);
                        _active.TryRemove(item.Job.JobId, out _);
                        _ = RequeueLaterAsync(item.Job.JobId, stoppingToken);
                        continue;
                    }
                }

                byte[]? output = null;
                if (outcome.IsSuccess)
                {
                    var outputs = outcome.Outputs!;
                    if (_testing.CorruptResults)
                    {
                        outputs = ResultCorruptor.Corrupt(outputs, outcome.Terms!.Tolerance);
                        JobsLog.Corrupting(_log, item.Job.JobId);
                    }

                    output = outputs.Encode();
                }
                else
                {
                    JobsLog.ExecutionFailed(_log, item.Job.JobId, outcome.Reason.ToString(), outcome.FailureCode, outcome.Message);
                }

                await _executed.Writer.WriteAsync(item with { Outcome = outcome, OutputBytes = output }, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SubmitLoopAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task>();
        try
        {
            await foreach (var item in _executed.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _submissions.WaitAsync(stoppingToken).ConfigureAwait(false);
                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(SubmitAsync(item, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Graceful shutdown: a submission already handed to the sender is finished or recorded there.
        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task SubmitAsync(PipelineItem item, CancellationToken stoppingToken)
    {
        var job = item.Job;
        try
        {
            var chainNow = await _chain.GetChainTimeAsync(stoppingToken).ConfigureAwait(false);
            if (chainNow + (ulong)_options.SubmitMarginSeconds >= job.ResultDeadline)
            {
                JobsLog.DeadlineMissed(_log, job.JobId, job.ResultDeadline, chainNow);
                _store.SetExecutionStage(job.JobId, ExecutionStage.Missed);
                _metrics.JobsTotal.WithLabels("skipped").Inc();
                return;
            }

            _store.SetExecutionStage(job.JobId, ExecutionStage.Submitting);
            var outcome = item.Outcome!;
            var result = outcome.IsSuccess
                ? await _hub.SubmitResultAsync(job.JobId, item.OutputBytes!, CancellationToken.None).ConfigureAwait(false)
                : await _hub.ReportFailureAsync(job.JobId, outcome.FailureCode, CancellationToken.None).ConfigureAwait(false);
            switch (result.Status)
            {
                case HubTxStatus.Succeeded:
                    _store.SetExecutionStage(job.JobId, ExecutionStage.Done);
                    JobsLog.Submitted(_log, job.JobId, outcome.IsSuccess ? "result" : "failure");
                    _metrics.JobsTotal.WithLabels(outcome.IsSuccess ? "submitted" : "failure_reported").Inc();
                    break;
                case HubTxStatus.Reverted when result.ErrorName == "InvalidJobStatus":
                    // An earlier life of this node (or its sender) already moved the job on.
                    _store.SetExecutionStage(job.JobId, ExecutionStage.Done);
                    break;
                case HubTxStatus.Reverted:
                    JobsLog.SubmitReverted(_log, job.JobId, result.ErrorName ?? "?", result.Detail);
                    _store.SetExecutionStage(job.JobId, ExecutionStage.Missed);
                    _metrics.JobsTotal.WithLabels("error").Inc();
                    break;
                default:
                    // Not sent or not confirmed: run it through again later (same idempotency key).
                    JobsLog.SubmitRetry(_log, job.JobId, result.Detail);
                    _ = RequeueLaterAsync(job.JobId, stoppingToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Recorded as Pending/Submitting: the next start resumes it.
        }
        catch (Exception e)
        {
            JobsLog.SubmitRetry(_log, job.JobId, e.Message);
            _ = RequeueLaterAsync(job.JobId, stoppingToken);
        }
        finally
        {
            _active.TryRemove(job.JobId, out _);
            _submissions.Release();
        }
    }

    private async Task RequeueLaterAsync(ulong jobId, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(_options.RetryDelay, _time, stoppingToken).ConfigureAwait(false);
            await EnqueueAsync(jobId, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
