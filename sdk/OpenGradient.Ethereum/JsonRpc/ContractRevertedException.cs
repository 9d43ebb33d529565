using System.Text.Json;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// A call or transaction reverted. <see cref="RevertData"/> holds the raw revert bytes (an ABI-encoded
/// <c>Error(string)</c>, <c>Panic(uint256)</c> or custom error, or empty for a bare <c>revert()</c>);
/// <see cref="Reason"/> holds a human-readable description when one was decoded.
/// </summary>
public class ContractRevertedException : JsonRpcException
{
    public ContractRevertedException(string method, int code, string rpcMessage, JsonElement? data, byte[] revertData)
        : this(method, code, rpcMessage, data, revertData, reason: null, transactionHash: null)
    {
    }

    /// <summary>Creates the exception with a decoded <paramref name="reason"/> and the failed transaction, if known.</summary>
    public ContractRevertedException(
        string method,
        int code,
        string rpcMessage,
        JsonElement? data,
        byte[] revertData,
        string? reason,
        string? transactionHash,
        Exception? innerException = null)
        : base(method, code, rpcMessage, data, Describe(method, rpcMessage, revertData, reason, transactionHash), innerException)
    {
        RevertData = revertData;
        Reason = reason;
        TransactionHash = transactionHash;
    }

    /// <summary>The raw revert data: 4-byte selector then ABI-encoded arguments, or empty.</summary>
    public byte[] RevertData { get; }

    /// <summary>The 4-byte selector of the revert data as 0x-hex, or null when the data is shorter than 4 bytes.</summary>
    public string? ErrorSelector => RevertData.Length >= 4 ? Hex.Encode(RevertData.AsSpan(0, 4)) : null;

    /// <summary>A decoded description such as <c>Error("not owner")</c>, <c>Panic(0x11: arithmetic overflow)</c> or <c>ProbeFailed(0x…, 7)</c>; null when not decoded.</summary>
    public string? Reason { get; }

    /// <summary>The hash of the mined transaction that failed, when the revert came from a transaction.</summary>
    public string? TransactionHash { get; }

    private static string Describe(string method, string rpcMessage, byte[] revertData, string? reason, string? transactionHash)
    {
        string what = transactionHash is null ? $"{method} reverted" : $"Transaction {transactionHash} reverted";
        if (reason is not null)
        {
            return $"{what}: {reason}. Check the contract's preconditions for the arguments and sender used.";
        }

        return revertData.Length == 0
            ? $"{what} without data ({rpcMessage}). A bare revert(), a failed assert in old code, or running out of gas leaves no reason; check the preconditions and the gas limit."
            : $"{what} with data {Hex.Encode(revertData)} ({rpcMessage}). Decode it with the contract's ABI (custom errors) to see why.";
    }
}
