using System.Text.Json;
using OpenGradient.Ethereum.Abi;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// A call or transaction reverted. <see cref="RevertData"/> holds the raw revert bytes and <see cref="Revert"/>
/// their decoding: <c>Error(string)</c> and <c>Panic(uint256)</c> always, custom errors when the ABI was known
/// (calls made through <see cref="Contracts.Contract"/> decode with the contract's ABI; otherwise use
/// <see cref="DecodeWith"/>).
/// </summary>
public class ContractRevertedException : JsonRpcException
{
    public ContractRevertedException(string method, int code, string rpcMessage, JsonElement? data, byte[] revertData)
        : this(method, code, rpcMessage, data, DecodedRevert.Decode(revertData), transactionHash: null)
    {
    }

    /// <summary>Creates the exception with an already decoded revert and the failed transaction's hash, if any.</summary>
    public ContractRevertedException(
        string method,
        int code,
        string rpcMessage,
        JsonElement? data,
        DecodedRevert revert,
        string? transactionHash,
        Exception? innerException = null)
        : base(method, code, rpcMessage, data, Describe(method, rpcMessage, revert, transactionHash), innerException)
    {
        ArgumentNullException.ThrowIfNull(revert);
        Revert = revert;
        TransactionHash = transactionHash;
    }

    /// <summary>The decoded revert (kind, message, panic code, or custom error and its values).</summary>
    public DecodedRevert Revert { get; }

    /// <summary>The raw revert data: 4-byte selector then ABI-encoded arguments, or empty.</summary>
    public byte[] RevertData => Revert.Data.ToArray();

    /// <summary>The 4-byte selector of the revert data as 0x-hex, or null when the data is shorter than 4 bytes.</summary>
    public string? ErrorSelector => Revert.SelectorHex;

    /// <summary>
    /// A readable reason such as <c>Error("not owner")</c>, <c>Panic(0x11: …)</c> or <c>ProbeFailed(who=0x…, code=7)</c>;
    /// null when the data is empty or matches no known error.
    /// </summary>
    public string? Reason => Revert.Kind is RevertKind.Empty or RevertKind.Unknown ? null : Revert.ToString();

    /// <summary>The hash of the mined transaction that failed, when the revert came from a transaction.</summary>
    public string? TransactionHash { get; }

    /// <summary>The same revert, with custom errors decoded against <paramref name="abi"/>.</summary>
    public ContractRevertedException DecodeWith(ContractAbi abi)
    {
        ArgumentNullException.ThrowIfNull(abi);
        return new ContractRevertedException(Method, Code, RpcMessage, ErrorData, abi.DecodeRevert(Revert.Data), TransactionHash, this);
    }

    /// <summary>The same revert, attributed to a mined transaction.</summary>
    public ContractRevertedException ForTransaction(string transactionHash) =>
        new(Method, Code, RpcMessage, ErrorData, Revert, transactionHash, this);

    private static string Describe(string method, string rpcMessage, DecodedRevert revert, string? transactionHash)
    {
        string what = transactionHash is null ? $"{method} reverted" : $"Transaction {transactionHash} reverted";
        return revert.Kind switch
        {
            RevertKind.Empty =>
                $"{what} without data ({rpcMessage}). A bare revert(), a require without message or running out of gas leaves no reason; check the preconditions and the gas limit.",
            RevertKind.Unknown =>
                $"{what} with data {Encoding.Hex.Encode(revert.Data)} ({rpcMessage}). It matches no error in the ABI used; decode it with the ABI of the contract that raised it (DecodeWith).",
            _ => $"{what}: {revert}. Check the contract's preconditions for the arguments and sender used.",
        };
    }
}
