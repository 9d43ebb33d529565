namespace OpenGradient.Inference.Execution;

/// <summary>
/// Why an execution produced no result. The numeric values are the on-chain <c>reportFailure</c>
/// reason codes (docs/models.md): never renumber them. Codes 1 and 7..10 are the requester's
/// fault (bad input); 2..6 are about the model or the run.
/// </summary>
public enum FailureReason : byte
{
    /// <summary>Not a failure.</summary>
    None = 0,

    /// <summary>The input cannot be fed to the model (wrong tensor count, a value out of the input type's range).</summary>
    BadInput = 1,

    /// <summary>The model file could not be obtained (fetch failed, or the file does not hash to the model id).</summary>
    ModelUnavailable = 2,

    /// <summary>The model file hashes correctly but ONNX Runtime cannot load it.</summary>
    ModelInvalid = 3,

    /// <summary>The model produced a NaN or an infinity, which has no fixed-point form.</summary>
    NonFiniteOutput = 4,

    /// <summary>ONNX Runtime failed while running, or an output has a type or shape that cannot be encoded.</summary>
    ExecutionError = 5,

    /// <summary>An output has too many elements, or a value beyond |q| &lt; 2^127 at the model's decimals.</summary>
    OutputTooLarge = 6,

    /// <summary>An input tensor's shape does not fit the model's declared shape.</summary>
    BadInputShape = 7,

    /// <summary>An input tensor's name is not an input of the model.</summary>
    UnknownInput = 8,

    /// <summary>A declared input of the model has no tensor in the request.</summary>
    MissingInput = 9,

    /// <summary>An input tensor's element type does not match the model's declared type.</summary>
    TypeMismatch = 10,
}
