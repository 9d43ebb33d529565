namespace OpenGradient.Ethereum.Primitives;

/// <summary>Raised when text or bytes are not a valid 20-byte Ethereum address (or fail the EIP-55 checksum).</summary>
public sealed class AddressFormatException : EthereumException
{
    public AddressFormatException(string message)
        : base(message)
    {
    }
}
