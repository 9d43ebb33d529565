namespace OpenGradient.Ethereum.Encoding;

/// <summary>Raised when a string is not valid hexadecimal of the expected form.</summary>
public sealed class HexFormatException : EthereumException
{
    public HexFormatException(string message)
        : base(message)
    {
    }
}
