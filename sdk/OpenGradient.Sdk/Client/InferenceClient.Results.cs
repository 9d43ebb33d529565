using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk;

public sealed partial class InferenceClient
{
    private static readonly IReadOnlyList<string> OutcomeTopics =
        LogFilter.AnyOf(ResultSubmittedEvent.Topic0, FailureReportedEvent.Topic0, JobExpiredEvent.Topic0);

    /// <summary>
    /// Waits until the job has an outcome (a posted result, a reported failure, or an expiry), polling the hub's events
    /// from the request's block every <see cref="InferenceClientOptions.PollInterval"/>. Output tensors are decoded.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="timeout">How long to wait (default <see cref="InferenceClientOptions.DefaultWaitTimeout"/>), measured on the client's <see cref="TimeProvider"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="JobNotFoundException">The hub has no such job.</exception>
    /// <exception cref="JobWaitTimeoutException">No outcome within the timeout.</exception>
    /// <exception cref="OperationCanceledException">Cancelled by the caller.</exception>
    public async Task<JobOutcome> WaitForResultAsync(BigInteger jobId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        TimeSpan limit = timeout ?? _options.DefaultWaitTimeout;
        using var timeoutSource = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            SubmittedJob request = await FindRequestAsync(jobId, linked.Token).ConfigureAwait(false) ?? throw new JobNotFoundException(jobId);
            while (true)
            {
                JobOutcome? outcome = await FindOutcomeAsync(jobId, request.BlockNumber, linked.Token).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }

                await Task.Delay(_options.PollInterval, _time, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new JobWaitTimeoutException(jobId, limit);
        }
    }

    /// <summary>A job with its input, current status and outcome (null while nothing is posted).</summary>
    /// <exception cref="JobNotFoundException">The hub has no such job.</exception>
    public async Task<JobRecord> GetJobAsync(BigInteger jobId, CancellationToken cancellationToken = default)
    {
        SubmittedJob request = await FindRequestAsync(jobId, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(jobId);
        InferenceRequestedEvent requested = await FindRequestEventAsync(jobId, cancellationToken).ConfigureAwait(false)
            ?? throw new JobNotFoundException(jobId);
        return await ToRecordAsync(request, requested.Input, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every job requested by <paramref name="requester"/> (default the client's account), oldest first.</summary>
    public async Task<IReadOnlyList<JobRecord>> GetJobHistoryAsync(Address? requester = null, CancellationToken cancellationToken = default)
    {
        Address who = requester ?? Account
            ?? throw new InvalidOperationException("Pass the requester's address: this client has no account key.");
        string topic = Hex.Encode(AbiEvent.EncodeTopic(AbiType.Address, who));
        IReadOnlyList<InferenceRequestedEvent> events = await Guard(_rpc, () => Hub.GetInferenceRequestedEventsAsync(
            BlockParameter.Number(Deployment.DeployBlock), BlockParameter.Latest, [null, LogFilter.AnyOf(topic)], cancellationToken)).ConfigureAwait(false);
        var records = new List<JobRecord>(events.Count);
        foreach (InferenceRequestedEvent e in events)
        {
            records.Add(await ToRecordAsync(ToSubmittedJob(e), e.Input, cancellationToken).ConfigureAwait(false));
        }

        return records;
    }

    private async Task<JobRecord> ToRecordAsync(SubmittedJob request, byte[] input, CancellationToken cancellationToken)
    {
        JobStatus status = await Guard(_rpc, () => Hub.JobStatusAsync(request.JobId, null, cancellationToken)).ConfigureAwait(false);
        JobOutcome? outcome = await FindOutcomeAsync(request.JobId, request.BlockNumber, cancellationToken).ConfigureAwait(false);
        TensorList decoded;
        try
        {
            decoded = TensorList.Decode(input);
        }
        catch (TensorCodecException)
        {
            decoded = TensorList.Empty; // the requester sent bytes that are not canonical tensors: the job fails with BadInput
        }

        return new JobRecord(request, decoded, status, outcome);
    }

    private async Task<SubmittedJob?> FindRequestAsync(BigInteger jobId, CancellationToken cancellationToken)
    {
        InferenceRequestedEvent? e = await FindRequestEventAsync(jobId, cancellationToken).ConfigureAwait(false);
        return e is null ? null : ToSubmittedJob(e);
    }

    private async Task<InferenceRequestedEvent?> FindRequestEventAsync(BigInteger jobId, CancellationToken cancellationToken)
    {
        IReadOnlyList<InferenceRequestedEvent> events = await Guard(_rpc, () => Hub.GetInferenceRequestedEventsAsync(
            BlockParameter.Number(Deployment.DeployBlock), BlockParameter.Latest, [LogFilter.AnyOf(JobTopic(jobId))], cancellationToken)).ConfigureAwait(false);
        return events.Count > 0 ? events[0] : null;
    }

    private async Task<JobOutcome?> FindOutcomeAsync(BigInteger jobId, ulong fromBlock, CancellationToken cancellationToken)
    {
        var filter = new LogFilter
        {
            Addresses = [Hub.Address],
            Topics = [OutcomeTopics, LogFilter.AnyOf(JobTopic(jobId))],
            FromBlock = BlockParameter.Number(fromBlock),
            ToBlock = BlockParameter.Latest,
        };
        IReadOnlyList<Log> logs = await Guard(_rpc, () => _rpc.GetLogsAsync(filter, cancellationToken)).ConfigureAwait(false);
        foreach (Log log in logs)
        {
            if (log.Removed)
            {
                continue;
            }

            JobStatus status = await Guard(_rpc, () => Hub.JobStatusAsync(jobId, null, cancellationToken)).ConfigureAwait(false);
            ulong block = log.BlockNumber ?? 0;
            if (ResultSubmittedEvent.TryDecode(log, out ResultSubmittedEvent? result))
            {
                return new JobOutcome(jobId, JobOutcomeKind.Result, status, result.Executor, TryDecode(result.Output), result.Output, result.Commitment, FailureReason.None, result.ChallengeDeadline, block);
            }

            if (FailureReportedEvent.TryDecode(log, out FailureReportedEvent? failure))
            {
                return new JobOutcome(jobId, JobOutcomeKind.Failure, status, failure.Executor, null, null, null, failure.Reason, failure.ChallengeDeadline, block);
            }

            if (JobExpiredEvent.TryDecode(log, out JobExpiredEvent? expired))
            {
                return new JobOutcome(jobId, JobOutcomeKind.Expired, status, expired.Executor, null, null, null, FailureReason.None, 0, block);
            }
        }

        return null;
    }

    /// <summary>Posted output bytes that are not canonical tensors decode to null: verification then reports it.</summary>
    private static TensorList? TryDecode(byte[] output)
    {
        try
        {
            return TensorList.Decode(output);
        }
        catch (TensorCodecException)
        {
            return null;
        }
    }

    private static string JobTopic(BigInteger jobId) => Hex.Encode(AbiEvent.EncodeTopic(AbiType.UInt256, jobId));
}
