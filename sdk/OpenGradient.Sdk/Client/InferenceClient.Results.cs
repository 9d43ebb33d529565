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
    /// <summary>Job ids per outcome query: a node caps how many values one topic position may list.</summary>
    private const int MaxJobsPerOutcomeQuery = 100;

    private static readonly IReadOnlyList<string> OutcomeTopics =
        LogFilter.AnyOf(ResultSubmittedEvent.Topic0, FailureReportedEvent.Topic0, JobExpiredEvent.Topic0);

    /// <summary>
    /// Waits until the job has an outcome (a posted result, a reported failure, or an expiry), polling the hub's events
    /// every <see cref="InferenceClientOptions.PollInterval"/>. The first poll reads from the request's block, each later
    /// one from the last block the previous poll read, all in ranges of <see cref="InferenceClientOptions.LogPageBlocks"/>
    /// blocks. Output tensors are decoded.
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="timeout">How long to wait (default <see cref="InferenceClientOptions.DefaultWaitTimeout"/>), measured on the client's <see cref="TimeProvider"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="JobNotFoundException">The hub has no such job.</exception>
    /// <exception cref="JobWaitTimeoutException">No outcome within the timeout.</exception>
    /// <exception cref="OperationCanceledException">Cancelled by the caller.</exception>
    /// <exception cref="JsonRpcException">The node refused a log query for its range: lower <see cref="InferenceClientOptions.LogPageBlocks"/>.</exception>
    public async Task<JobOutcome> WaitForResultAsync(BigInteger jobId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        TimeSpan limit = timeout ?? _options.DefaultWaitTimeout;
        using var timeoutSource = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            InferenceRequestedEvent requested = await FindRequestEventAsync(jobId, linked.Token).ConfigureAwait(false) ?? throw new JobNotFoundException(jobId);
            IReadOnlyList<IReadOnlyList<string>?> topics = OutcomeFilter([jobId]);
            ulong from = ToSubmittedJob(requested).BlockNumber;
            while (true)
            {
                LogScan scan = await _logs.ReadAsync(Hub.Address, topics, from, linked.Token).ConfigureAwait(false);
                if (scan.Logs.Count > 0)
                {
                    return await ToOutcomeAsync(jobId, scan.Logs[0], linked.Token).ConfigureAwait(false);
                }

                // Read on from the last block read, less the reorg depth: a reorg may have put the outcome at a height
                // an earlier poll already read.
                ulong reorgDepth = _options.ReorgDepthBlocks;
                from = Math.Max(from, scan.LatestBlock > reorgDepth ? scan.LatestBlock - reorgDepth : 0);
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
    /// <exception cref="JsonRpcException">The node refused a log query for its range: lower <see cref="InferenceClientOptions.LogPageBlocks"/>.</exception>
    public async Task<JobRecord> GetJobAsync(BigInteger jobId, CancellationToken cancellationToken = default)
    {
        InferenceRequestedEvent requested = await FindRequestEventAsync(jobId, cancellationToken).ConfigureAwait(false)
            ?? throw new JobNotFoundException(jobId);
        IReadOnlyList<JobRecord> records = await ToRecordsAsync([requested], cancellationToken).ConfigureAwait(false);
        return records[0];
    }

    /// <summary>
    /// Every job requested by <paramref name="requester"/> (default the client's account), oldest first. The hub's events
    /// are read from the deployment's first block in ranges of <see cref="InferenceClientOptions.LogPageBlocks"/> blocks.
    /// </summary>
    /// <exception cref="JsonRpcException">The node refused a log query for its range: lower <see cref="InferenceClientOptions.LogPageBlocks"/>.</exception>
    public async Task<IReadOnlyList<JobRecord>> GetJobHistoryAsync(Address? requester = null, CancellationToken cancellationToken = default)
    {
        Address who = requester ?? Account
            ?? throw new InvalidOperationException("Pass the requester's address: this client has no account key.");
        string topic = Hex.Encode(AbiEvent.EncodeTopic(AbiType.Address, who));
        LogScan scan = await _logs.ReadAsync(
            Hub.Address, [LogFilter.AnyOf(InferenceRequestedEvent.Topic0), null, LogFilter.AnyOf(topic)], Deployment.DeployBlock, cancellationToken).ConfigureAwait(false);
        return await ToRecordsAsync(InferenceRequestedEvent.DecodeAll(scan.Logs, Hub.Address), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The records of requested jobs (in block order), their outcomes found by one scan per chunk of jobs.</summary>
    private async Task<IReadOnlyList<JobRecord>> ToRecordsAsync(IReadOnlyList<InferenceRequestedEvent> requests, CancellationToken cancellationToken)
    {
        var records = new List<JobRecord>(requests.Count);
        for (int start = 0; start < requests.Count; start += MaxJobsPerOutcomeQuery)
        {
            InferenceRequestedEvent[] chunk = [.. requests.Skip(start).Take(MaxJobsPerOutcomeQuery)];
            SubmittedJob[] jobs = [.. chunk.Select(ToSubmittedJob)];
            IReadOnlyDictionary<BigInteger, Log> outcomes = await FindOutcomeLogsAsync(jobs, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < chunk.Length; i++)
            {
                SubmittedJob job = jobs[i];
                JobStatus status = await Guard(_rpc, () => Hub.JobStatusAsync(job.JobId, null, cancellationToken)).ConfigureAwait(false);
                JobOutcome? outcome = outcomes.TryGetValue(job.JobId, out Log? log) ? DecodeOutcome(log, status) : null;
                records.Add(new JobRecord(job, DecodeInput(chunk[i].Input), status, outcome));
            }
        }

        return records;
    }

    private async Task<InferenceRequestedEvent?> FindRequestEventAsync(BigInteger jobId, CancellationToken cancellationToken)
    {
        LogScan scan = await _logs.ReadAsync(
            Hub.Address, [LogFilter.AnyOf(InferenceRequestedEvent.Topic0), LogFilter.AnyOf(JobTopic(jobId))], Deployment.DeployBlock, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<InferenceRequestedEvent> events = InferenceRequestedEvent.DecodeAll(scan.Logs, Hub.Address);
        return events.Count > 0 ? events[0] : null;
    }

    /// <summary>The first outcome event of each of <paramref name="jobs"/> that has one, read from the earliest request's block.</summary>
    private async Task<IReadOnlyDictionary<BigInteger, Log>> FindOutcomeLogsAsync(IReadOnlyList<SubmittedJob> jobs, CancellationToken cancellationToken)
    {
        var first = new Dictionary<BigInteger, Log>();
        if (jobs.Count == 0)
        {
            return first;
        }

        ulong from = jobs.Min(j => j.BlockNumber);
        LogScan scan = await _logs.ReadAsync(Hub.Address, OutcomeFilter([.. jobs.Select(j => j.JobId)]), from, cancellationToken).ConfigureAwait(false);
        foreach (Log log in scan.Logs)
        {
            first.TryAdd(OutcomeJobId(log), log);
        }

        return first;
    }

    private async Task<JobOutcome> ToOutcomeAsync(BigInteger jobId, Log log, CancellationToken cancellationToken)
    {
        JobStatus status = await Guard(_rpc, () => Hub.JobStatusAsync(jobId, null, cancellationToken)).ConfigureAwait(false);
        return DecodeOutcome(log, status)
            ?? throw new RpcResponseFormatException("eth_getLogs", $"a log of job {jobId} matched the outcome topics but is none of ResultSubmitted, FailureReported, JobExpired. Is the deployment file for this chain?");
    }

    /// <summary>The outcome an outcome event records, with the job's status now; null for any other log.</summary>
    private static JobOutcome? DecodeOutcome(Log log, JobStatus status)
    {
        ulong block = log.BlockNumber ?? 0;
        if (ResultSubmittedEvent.TryDecode(log, out ResultSubmittedEvent? result))
        {
            return new JobOutcome(result.JobId, JobOutcomeKind.Result, status, result.Executor, TryDecode(result.Output), result.Output, result.Commitment, FailureReason.None, result.ChallengeDeadline, block);
        }

        if (FailureReportedEvent.TryDecode(log, out FailureReportedEvent? failure))
        {
            return new JobOutcome(failure.JobId, JobOutcomeKind.Failure, status, failure.Executor, null, null, null, failure.Reason, failure.ChallengeDeadline, block);
        }

        if (JobExpiredEvent.TryDecode(log, out JobExpiredEvent? expired))
        {
            return new JobOutcome(expired.JobId, JobOutcomeKind.Expired, status, expired.Executor, null, null, null, FailureReason.None, 0, block);
        }

        return null;
    }

    /// <summary>Requested input bytes that are not canonical tensors decode to no tensors: the job fails with BadInput.</summary>
    private static TensorList DecodeInput(byte[] input)
    {
        try
        {
            return TensorList.Decode(input);
        }
        catch (TensorCodecException)
        {
            return TensorList.Empty;
        }
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

    /// <summary>Outcome events of any of <paramref name="jobIds"/>: each outcome event has the job id as its first indexed field.</summary>
    private static IReadOnlyList<IReadOnlyList<string>?> OutcomeFilter(IReadOnlyList<BigInteger> jobIds) =>
        [OutcomeTopics, LogFilter.AnyOf([.. jobIds.Select(JobTopic)])];

    private static BigInteger OutcomeJobId(Log log) => new(Hex.Decode(log.Topics[1]), isUnsigned: true, isBigEndian: true);

    private static string JobTopic(BigInteger jobId) => Hex.Encode(AbiEvent.EncodeTopic(AbiType.UInt256, jobId));
}
