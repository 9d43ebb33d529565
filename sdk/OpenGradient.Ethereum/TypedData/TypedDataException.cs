namespace OpenGradient.Ethereum.TypedData;

/// <summary>
/// Raised when EIP-712 typed data is malformed: an undefined or invalid type, a missing or
/// ill-typed value, an integer out of range, a wrong-length fixed array or bytesN. The message
/// names the path of the offending value (e.g. <c>message.to.wallet</c>).
/// </summary>
public sealed class TypedDataException : EthereumException
{
    public TypedDataException(string message)
        : base(message)
    {
    }

    public TypedDataException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
