using Microsoft.Extensions.Logging;

namespace OpenGradient.Oracle.Jobs;

/// <summary>Log messages of the job features (event ids 3000-3099).</summary>
internal static partial class JobsLog
{
    [LoggerMessage(3000, LogLevel.Information, "Resuming {Count} assigned jobs that had not reached the chain before the last stop")]
    public static partial void Recovering(ILogger logger, int count);

    [LoggerMessage(3001, LogLevel.Warning, "Job {JobId}: could not read the model terms ({Reason}); retrying")]
    public static partial void PrepareRetry(ILogger logger, ulong jobId, string reason);

    [LoggerMessage(3002, LogLevel.Warning, "Job {JobId}: TESTING switch on, posting a corrupted result")]
    public static partial void Corrupting(ILogger logger, ulong jobId);

    [LoggerMessage(3003, LogLevel.Information, "Job {JobId}: execution failed with {Reason} (on-chain code {Code}): {Message}")]
    public static partial void ExecutionFailed(ILogger logger, ulong jobId, string reason, byte code, string message);

    [LoggerMessage(3004, LogLevel.Warning, "Job {JobId}: result deadline {Deadline} too close (chain time {ChainTime}); not submitting")]
    public static partial void DeadlineMissed(ILogger logger, ulong jobId, ulong deadline, ulong chainTime);

    [LoggerMessage(3005, LogLevel.Information, "Job {JobId}: {Kind} accepted by the hub")]
    public static partial void Submitted(ILogger logger, ulong jobId, string kind);

    [LoggerMessage(3006, LogLevel.Warning, "Job {JobId}: the hub refused the submission with {Error}: {Detail}")]
    public static partial void SubmitReverted(ILogger logger, ulong jobId, string error, string detail);

    [LoggerMessage(3007, LogLevel.Warning, "Job {JobId}: submission not confirmed ({Detail}); retrying with the same idempotency key")]
    public static partial void SubmitRetry(ILogger logger, ulong jobId, string detail);

    [LoggerMessage(3008, LogLevel.Debug, "Job {JobId}: {Event} applied")]
    public static partial void EventApplied(ILogger logger, ulong jobId, string @event);

    [LoggerMessage(3009, LogLevel.Debug, "Job {JobId}: {Event} for a job requested before this node's start block; ignored")]
    public static partial void UnknownJob(ILogger logger, ulong jobId, string @event);

    [LoggerMessage(3010, LogLevel.Information, "Job {JobId} assigned to this node")]
    public static partial void Assigned(ILogger logger, ulong jobId);

    [LoggerMessage(3011, LogLevel.Warning, "A hub log at block {Block} index {LogIndex} does not decode ({Reason}); skipped")]
    public static partial void UndecodableLog(ILogger logger, ulong block, ulong logIndex, string reason);
}
