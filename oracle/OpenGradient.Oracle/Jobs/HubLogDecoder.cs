using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Inference;

namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// Turns a confirmed hub log into the <see cref="HubEvent"/> the dispatcher acts on, with the generated event
/// decoders of <see cref="InferenceHubService"/>. Logs of events the node does not act on give null.
/// </summary>
internal static class HubLogDecoder
{
    /// <exception cref="Ethereum.Abi.AbiDecodingException">A log's topic 0 matches an event but its layout does not.</exception>
    public static HubEvent? Decode(Log log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (InferenceRequestedEvent.TryDecode(log, out var requested))
        {
            return new JobRequested(
                JobId(requested.JobId),
                requested.Requester,
                requested.Executor,
                ModelId.FromBytes(requested.ModelId),
                requested.Input,
                requested.CallbackGasLimit,
                requested.ResultDeadline);
        }

        if (ResultSubmittedEvent.TryDecode(log, out var submitted))
        {
            return new ResultPosted(JobId(submitted.JobId), submitted.Executor, submitted.Output, submitted.Commitment, submitted.ChallengeDeadline);
        }

        if (FailureReportedEvent.TryDecode(log, out var failed))
        {
            return new FailurePosted(JobId(failed.JobId), failed.Executor, (byte)failed.Reason, failed.ChallengeDeadline);
        }

        if (DisputeOpenedEvent.TryDecode(log, out var opened))
        {
            return new DisputeStarted(JobId(opened.JobId), opened.Challenger, opened.Committee, opened.CommitDeadline, opened.RevealDeadline);
        }

        if (DisputeResolvedEvent.TryDecode(log, out var resolved))
        {
            return new DisputeEnded(JobId(resolved.JobId), (byte)resolved.Outcome, resolved.NewStatus);
        }

        if (JobFinalizedEvent.TryDecode(log, out var finalized))
        {
            return new JobSettled(JobId(finalized.JobId), JobStatus.Finalized);
        }

        if (JobRefundedEvent.TryDecode(log, out var refunded))
        {
            return new JobSettled(JobId(refunded.JobId), refunded.NewStatus);
        }

        if (JobExpiredEvent.TryDecode(log, out var expired))
        {
            return new JobSettled(JobId(expired.JobId), JobStatus.Expired);
        }

        return null;
    }

    private static ulong JobId(BigInteger jobId) => (ulong)jobId;
}
