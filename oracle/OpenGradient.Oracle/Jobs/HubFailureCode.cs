using OpenGradient.Inference.Execution;

namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// Maps the execution core's detailed <see cref="FailureReason"/> onto the hub's three on-chain
/// failure codes (<c>IInferenceHub.FailureReason</c>: 1 BadInput, 2 ModelUnavailable, 3 NonFiniteOutput).
/// The hub rejects any other code, so the detail stays in the node's log, and verifiers compare the
/// mapped codes.
/// </summary>
internal static class HubFailureCode
{
    /// <summary>The input is not the model's (shape, names, types, values).</summary>
    public const byte BadInput = 1;

    /// <summary>The model cannot be fetched, does not hash to its id, or cannot be loaded.</summary>
    public const byte ModelUnavailable = 2;

    /// <summary>The model's output has no fixed-point form (NaN, infinity, out of range).</summary>
    public const byte NonFiniteOutput = 3;

    /// <summary>The on-chain code for <paramref name="reason"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is None (not a failure).</exception>
    public static byte FromExecution(FailureReason reason) => reason switch
    {
        FailureReason.BadInput or FailureReason.BadInputShape or FailureReason.UnknownInput
            or FailureReason.MissingInput or FailureReason.TypeMismatch => BadInput,

        // ONNX Runtime refusing to run a loaded model on a well-formed input is about the values given.
        FailureReason.ExecutionError => BadInput,
        FailureReason.ModelUnavailable or FailureReason.ModelInvalid => ModelUnavailable,
        FailureReason.NonFiniteOutput or FailureReason.OutputTooLarge => NonFiniteOutput,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Only a failure has an on-chain failure code."),
    };
}
