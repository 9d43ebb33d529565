using OpenGradient.Ethereum;

namespace OpenGradient.Inference.Tensors;

/// <summary>
/// A tensor or a tensor-list encoding breaks a rule of docs/protocol.md section 1. The message names
/// the tensor (when known) and the rule, and says what to do.
/// </summary>
public sealed class TensorCodecException : EthereumException
{
    public TensorCodecException(TensorCodecError error, string? tensorName, string message)
        : base(Format(error, tensorName, message))
    {
        Error = error;
        TensorName = tensorName;
        Detail = message;
    }

    /// <summary>The rule that was broken.</summary>
    public TensorCodecError Error { get; }

    internal string Detail { get; }

    /// <summary>The tensor's name, or null when it was not known yet (e.g. a truncated header).</summary>
    public string? TensorName { get; }

    private static string Format(TensorCodecError error, string? tensorName, string message) =>
        tensorName is null ? $"{error}: {message}" : $"{error} in tensor '{tensorName}': {message}";
}
