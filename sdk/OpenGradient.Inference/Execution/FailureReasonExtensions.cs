namespace OpenGradient.Inference.Execution;

/// <summary>Helpers on <see cref="FailureReason"/>.</summary>
public static class FailureReasonExtensions
{
    /// <summary>True for the reasons that are the requester's fault (the input), not the model's or the node's.</summary>
    public static bool IsInputError(this FailureReason reason) =>
        reason is FailureReason.BadInput or FailureReason.BadInputShape or FailureReason.UnknownInput
            or FailureReason.MissingInput or FailureReason.TypeMismatch;
}
