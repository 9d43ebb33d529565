using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Jobs;

/// <summary><c>ResultSubmitted</c>: the executor posted canonical output bytes.</summary>
internal sealed record ResultPosted(
    ulong JobId,
    Address Executor,
    byte[] Output,
    byte[] Commitment,
    ulong ChallengeDeadline) : HubEvent(JobId);
