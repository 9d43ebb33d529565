using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Contracts;

/// <summary>Maps revert data of any bound contract to its typed <see cref="ContractError"/> (the decoder is generated).</summary>
public static partial class ContractErrors
{
    /// <summary>
    /// The typed form of a revert: a <see cref="ContractErrorException"/> when the data is a known custom error, else
    /// <paramref name="revert"/> itself (Error(string), Panic, or unknown data).
    /// </summary>
    public static Exception Translate(ContractRevertedException revert)
    {
        ArgumentNullException.ThrowIfNull(revert);
        ContractError? error = Decode(revert.RevertData);
        return error is null ? revert : new ContractErrorException(error, revert);
    }
}
