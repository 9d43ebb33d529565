using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Jobs;

/// <summary><c>DisputeOpened</c>: a challenge drew <paramref name="Committee"/>.</summary>
internal sealed record DisputeStarted(
    ulong JobId,
    Address Challenger,
    IReadOnlyList<Address> Committee,
    ulong CommitDeadline,
    ulong RevealDeadline) : HubEvent(JobId);
