namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>Which methods are safe to repeat after an ambiguous failure.</summary>
internal static class RpcMethods
{
    /// <summary>
    /// True for methods that only read (repeating them cannot change state). Everything else — sends, signing,
    /// filters, and node-control methods like <c>evm_mine</c> — is sent once.
    /// </summary>
    public static bool IsIdempotent(string method) =>
        (method.StartsWith("eth_get", StringComparison.Ordinal) && method != "eth_getFilterChanges") ||
        method is "eth_chainId" or "eth_blockNumber" or "eth_call" or "eth_estimateGas" or "eth_gasPrice"
            or "eth_maxPriorityFeePerGas" or "eth_feeHistory" or "eth_syncing" or "eth_blobBaseFee" or "eth_accounts"
            or "eth_createAccessList" or "net_version" or "net_listening" or "net_peerCount" or "web3_clientVersion";
}
