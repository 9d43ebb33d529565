using OpenGradient.Ethereum;
using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Contracts;

/// <summary>
/// A call or transaction of a bound contract reverted with a known custom error. <see cref="Error"/> is the typed
/// record (match it with <c>is ERC20InsufficientAllowanceError e</c>); the raw revert is the inner exception.
/// </summary>
public sealed class ContractErrorException : EthereumException
{
    public ContractErrorException(ContractError error, ContractRevertedException revert)
        : base(Describe(error, revert), revert)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        Revert = revert;
    }

    /// <summary>The typed custom error with its values.</summary>
    public ContractError Error { get; }

    /// <summary>The revert as the RPC layer reported it (method, raw data, transaction hash).</summary>
    public ContractRevertedException Revert { get; }

    /// <summary>The hash of the mined transaction that failed, when the revert came from one.</summary>
    public string? TransactionHash => Revert.TransactionHash;

    private static string Describe(ContractError error, ContractRevertedException revert)
    {
        ArgumentNullException.ThrowIfNull(revert);
        string what = revert.TransactionHash is null ? $"{revert.Method} reverted" : $"Transaction {revert.TransactionHash} reverted";
        return $"{what} with {revert.Reason ?? error.ToString()}. Check the contract's preconditions for these values (sender, allowance, state) and retry.";
    }
}
