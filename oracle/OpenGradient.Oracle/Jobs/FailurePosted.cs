using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Jobs;

/// <summary><c>FailureReported</c>: the executor reported an on-chain failure code (<see cref="HubFailureCode"/>).</summary>
internal sealed record FailurePosted(
    ulong JobId,
    Address Executor,
    byte Reason,
    ulong ChallengeDeadline) : HubEvent(JobId);
