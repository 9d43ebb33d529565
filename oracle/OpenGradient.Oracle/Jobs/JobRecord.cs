using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference;
using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Jobs;

/// <summary>What the node knows about one job: the request, the posted outcome and its own progress.</summary>
internal sealed record JobRecord
{
    public required ulong JobId { get; init; }

    public required ModelId ModelId { get; init; }

    public required Address Requester { get; init; }

    public required Address Executor { get; init; }

    public required byte[] Input { get; init; }

    public required uint CallbackGasLimit { get; init; }

    public required ulong ResultDeadline { get; init; }

    public required JobStatus ChainStatus { get; init; }

    /// <summary>The posted output (null before a result, or for a failure).</summary>
    public byte[]? Output { get; init; }

    /// <summary>The posted on-chain failure code (0 unless a failure was posted).</summary>
    public byte FailureCode { get; init; }

    /// <summary>End of the challenge window (null before an outcome is posted).</summary>
    public ulong? ChallengeDeadline { get; init; }

    public ExecutionStage ExecutionStage { get; init; }

    public VerificationStage VerificationStage { get; init; }

    /// <summary>Chain time when this node last sent a finalization including this job (null: never).</summary>
    public ulong? FinalizeSentAt { get; init; }
}
