namespace OpenGradient.Ethereum.Abi;

/// <summary>Raised when a Solidity type string, a human-readable signature or ABI JSON cannot be parsed.</summary>
public sealed class AbiFormatException : EthereumException
{
    public AbiFormatException(string message)
        : base(message)
    {
    }

    public AbiFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
