namespace OpenGradient.Ethereum.Contracts;

/// <summary>A Hardhat/solc artifact file is missing, unreadable, or not deployable as it is.</summary>
public sealed class ContractArtifactException : EthereumException
{
    public ContractArtifactException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
