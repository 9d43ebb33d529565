using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;
using OpenGradient.Oracle.Jobs;

namespace OpenGradient.Oracle.Execution;

/// <summary>The result of running a job's model on its input: canonical outputs, or an on-chain failure code.</summary>
internal sealed record RunOutcome
{
    /// <summary>The outputs (null on failure).</summary>
    public TensorList? Outputs { get; init; }

    /// <summary>The detailed reason (None on success).</summary>
    public FailureReason Reason { get; init; }

    /// <summary>What went wrong (empty on success).</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The registry terms used (null when the model is not registered).</summary>
    public ModelTerms? Terms { get; init; }

    public bool IsSuccess => Outputs is not null;

    /// <summary>The on-chain failure code (<see cref="HubFailureCode"/>); 0 on success.</summary>
    public byte FailureCode => IsSuccess ? (byte)0 : HubFailureCode.FromExecution(Reason);

    public static RunOutcome Failed(FailureReason reason, string message, ModelTerms? terms) =>
        new() { Reason = reason, Message = message, Terms = terms };
}
