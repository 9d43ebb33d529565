using Microsoft.Extensions.Logging;

namespace OpenGradient.Oracle.Verification;

/// <summary>Log messages of verification, disputes and settlement (event ids 3100-3199).</summary>
internal static partial class VerificationLog
{
    [LoggerMessage(3100, LogLevel.Information, "Job {JobId}: posted outcome judged {Verdict}: {Reason}")]
    public static partial void Judged(ILogger logger, ulong jobId, Verdict verdict, string reason);

    [LoggerMessage(3101, LogLevel.Warning, "Job {JobId}: challenging the posted outcome")]
    public static partial void Challenging(ILogger logger, ulong jobId);

    [LoggerMessage(3102, LogLevel.Warning, "Job {JobId}: TESTING switch on, challenging an outcome judged {Verdict}")]
    public static partial void LyingChallenge(ILogger logger, ulong jobId, Verdict verdict);

    [LoggerMessage(3103, LogLevel.Warning, "Job {JobId}: {Action} refused by the hub with {Error}: {Detail}")]
    public static partial void Refused(ILogger logger, ulong jobId, string action, string error, string detail);

    [LoggerMessage(3104, LogLevel.Warning, "Job {JobId}: {Action} not confirmed ({Detail}); will retry")]
    public static partial void NotConfirmed(ILogger logger, ulong jobId, string action, string detail);

    [LoggerMessage(3105, LogLevel.Information, "Job {JobId}: challenge window closes at {Deadline}, chain time {ChainTime}; too late to challenge")]
    public static partial void WindowClosed(ILogger logger, ulong jobId, ulong deadline, ulong chainTime);

    [LoggerMessage(3106, LogLevel.Information, "Job {JobId}: committee vote decided: {Valid} ({Reason})")]
    public static partial void VoteDecided(ILogger logger, ulong jobId, bool valid, string reason);

    [LoggerMessage(3107, LogLevel.Information, "Job {JobId}: vote {Step} accepted")]
    public static partial void VoteStep(ILogger logger, ulong jobId, string step);

    [LoggerMessage(3108, LogLevel.Warning, "Job {JobId}: the {Phase} deadline {Deadline} passed (chain time {ChainTime}) before the vote could be {Step}")]
    public static partial void VoteMissed(ILogger logger, ulong jobId, string phase, ulong deadline, ulong chainTime, string step);

    [LoggerMessage(3109, LogLevel.Information, "Finalized {Count} of {Sent} due jobs in one batch")]
    public static partial void Finalized(ILogger logger, int count, int sent);

    [LoggerMessage(3110, LogLevel.Warning, "{Duty} loop failed ({Reason}); retrying next tick")]
    public static partial void DutyFailed(ILogger logger, string duty, string reason);

    [LoggerMessage(3111, LogLevel.Information, "Job {JobId}: expired (no result by the deadline)")]
    public static partial void Expired(ILogger logger, ulong jobId);
}
