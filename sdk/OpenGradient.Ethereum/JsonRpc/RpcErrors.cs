using System.Text.Json;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>Turns a JSON-RPC error object into the most specific exception, recognising geth's and Hardhat's wording.</summary>
internal static class RpcErrors
{
    public static JsonRpcException FromErrorObject(string method, JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            throw new RpcResponseFormatException(method, $"the 'error' member is {error.ValueKind}, not an object with code and message.");
        }

        int code = error.TryGetProperty("code", out JsonElement codeElement) && codeElement.ValueKind == JsonValueKind.Number && codeElement.TryGetInt32(out int c)
            ? c
            : throw new RpcResponseFormatException(method, "the error object has no integer 'code'.");
        string message = error.TryGetProperty("message", out JsonElement messageElement) && messageElement.ValueKind == JsonValueKind.String
            ? messageElement.GetString()!
            : string.Empty;
        JsonElement? data = error.TryGetProperty("data", out JsonElement dataElement) ? dataElement.Clone() : null;
        return Classify(method, code, message, data);
    }

    public static JsonRpcException Classify(string method, int code, string message, JsonElement? data)
    {
        if (code == 3 || Contains(message, "revert"))
        {
            return new ContractRevertedException(method, code, message, data, RevertData(data));
        }

        if (Contains(message, "nonce too low"))
        {
            return new NonceTooLowException(method, code, message, data);
        }

        if (Contains(message, "already known") || Contains(message, "known transaction") || Contains(message, "already imported"))
        {
            return new TransactionAlreadyKnownException(method, code, message, data);
        }

        if (Contains(message, "underpriced") || Contains(message, "too low for the next block") ||
            Contains(message, "less than block base fee") || Contains(message, "fee cap less than"))
        {
            return new TransactionUnderpricedException(method, code, message, data);
        }

        if (Contains(message, "insufficient funds") || Contains(message, "have enough funds"))
        {
            return new InsufficientFundsException(method, code, message, data);
        }

        return new JsonRpcException(method, code, message, data);
    }

    /// <summary>
    /// Revert bytes from an error's data: a hex string (geth, Hardhat 3) or an object carrying one in
    /// <c>data</c> (Hardhat 2, some providers). Anything else means no data.
    /// </summary>
    private static byte[] RevertData(JsonElement? data)
    {
        if (data is not { } element)
        {
            return [];
        }

        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("data", out JsonElement inner))
        {
            element = inner;
        }

        return element.ValueKind == JsonValueKind.String && Hex.TryDecode(element.GetString(), out byte[] bytes) && element.GetString()!.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? bytes
            : [];
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
