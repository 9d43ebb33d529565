using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk;

/// <summary>The outcome of a job as the chain records it.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Kind">Result, failure or expiry.</param>
/// <param name="Status">The job's status now (Submitted, Disputed, Finalized, …).</param>
/// <param name="Executor">The node that posted (or let it expire).</param>
/// <param name="Output">The decoded output tensors of a result; null otherwise.</param>
/// <param name="OutputBytes">The canonical output bytes of a result; null otherwise.</param>
/// <param name="Commitment">The posted commitment of a result; null otherwise.</param>
/// <param name="FailureReason">The reported reason of a failure; <see cref="FailureReason.None"/> otherwise.</param>
/// <param name="ChallengeDeadline">Unix time the challenge window closes (0 for an expiry).</param>
/// <param name="BlockNumber">The block of the outcome's event.</param>
public sealed record JobOutcome(
    BigInteger JobId,
    JobOutcomeKind Kind,
    JobStatus Status,
    Address Executor,
    TensorList? Output,
    byte[]? OutputBytes,
    byte[]? Commitment,
    FailureReason FailureReason,
    ulong ChallengeDeadline,
    ulong BlockNumber);
