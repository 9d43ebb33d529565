using System.Numerics;
using OpenGradient.Inference;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk;

/// <summary>
/// The result of re-running a job's model locally and comparing with the on-chain output under the model's tolerance
/// (docs/protocol.md section 3).
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="ModelId">The model that was fetched (sha256 checked) and run.</param>
/// <param name="Passed">True when the on-chain output agrees with the local run within the tolerance and the commitment matches it.</param>
/// <param name="Comparison">The per-element comparison (differences, violations, structural mismatch).</param>
/// <param name="LocalOutput">What the model produced here.</param>
/// <param name="OnChainOutput">What the executor posted.</param>
/// <param name="CommitmentMatches">Whether the posted commitment is the commitment of the posted output.</param>
public sealed record VerificationVerdict(
    BigInteger JobId,
    ModelId ModelId,
    bool Passed,
    ToleranceVerdict Comparison,
    TensorList LocalOutput,
    TensorList OnChainOutput,
    bool CommitmentMatches)
{
    /// <summary>Every element that differs (within the tolerance or not).</summary>
    public IReadOnlyList<ElementDifference> Differences => Comparison.Differences;

    /// <inheritdoc />
    public override string ToString() =>
        $"job {JobId}: {(Passed ? "PASS" : "FAIL")} ({Comparison}{(CommitmentMatches ? string.Empty : "; the commitment does not match the posted output")})";
}
