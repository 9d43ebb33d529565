namespace OpenGradient.Ethereum.Numerics;

/// <summary>Raised when an integer does not fit the EVM integer type it is converted to (e.g. a negative uint256).</summary>
public sealed class IntegerRangeException : EthereumException
{
    public IntegerRangeException(string message)
        : base(message)
    {
    }
}
