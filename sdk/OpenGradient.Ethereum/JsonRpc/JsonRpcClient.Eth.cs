using System.Numerics;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <content>The typed <c>eth_*</c> methods.</content>
public sealed partial class JsonRpcClient
{
    /// <summary>The chain id (<c>eth_chainId</c>).</summary>
    public Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.ChainId(), cancellationToken);

    /// <summary>The latest block number (<c>eth_blockNumber</c>).</summary>
    public Task<ulong> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.BlockNumber(), cancellationToken);

    /// <summary>A block by tag, number or hash; null when the node has no such block.</summary>
    public Task<Block?> GetBlockAsync(BlockParameter block, bool fullTransactions = false, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetBlock(block, fullTransactions), cancellationToken);

    /// <summary>An account's balance in wei.</summary>
    public Task<BigInteger> GetBalanceAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetBalance(address, block), cancellationToken);

    /// <summary>An account's next nonce: mined transactions at <paramref name="block"/>, or including the pool with <see cref="BlockParameter.Pending"/>.</summary>
    public Task<ulong> GetTransactionCountAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetTransactionCount(address, block), cancellationToken);

    /// <summary>An account's runtime code; empty when it has none.</summary>
    public Task<byte[]> GetCodeAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetCode(address, block), cancellationToken);

    /// <summary>One storage slot of a contract.</summary>
    public Task<byte[]> GetStorageAtAsync(Address address, BigInteger slot, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetStorageAt(address, slot, block), cancellationToken);

    /// <summary>Executes a call without a transaction (<c>eth_call</c>) and returns its return data.</summary>
    /// <exception cref="ContractRevertedException">The call reverted; the exception holds the revert data.</exception>
    public Task<byte[]> CallAsync(
        CallRequest call,
        BlockParameter block = default,
        IReadOnlyDictionary<Address, AccountOverride>? stateOverrides = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.Call(call, block, stateOverrides), cancellationToken);

    /// <summary>Estimates the gas a transaction needs (<c>eth_estimateGas</c>).</summary>
    /// <exception cref="ContractRevertedException">The transaction would revert.</exception>
    public Task<ulong> EstimateGasAsync(CallRequest call, BlockParameter? block = null, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.EstimateGas(call, block), cancellationToken);

    /// <summary>The node's legacy gas price suggestion, in wei.</summary>
    public Task<BigInteger> GetGasPriceAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GasPrice(), cancellationToken);

    /// <summary>The node's EIP-1559 tip suggestion, in wei.</summary>
    public Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.MaxPriorityFeePerGas(), cancellationToken);

    /// <summary>Base fees, fullness and tips of recent blocks (<c>eth_feeHistory</c>).</summary>
    public Task<FeeHistory> GetFeeHistoryAsync(int blockCount, BlockParameter newestBlock = default, IReadOnlyList<double>? rewardPercentiles = null, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.FeeHistory(blockCount, newestBlock, rewardPercentiles), cancellationToken);

    /// <summary>
    /// Submits a signed transaction and returns its hash. It is sent exactly once: when the outcome is unknown
    /// (timeout, dropped connection, 5xx) a <see cref="TransactionSubmissionUncertainException"/> carries the hash to check.
    /// </summary>
    /// <exception cref="NonceTooLowException">The nonce was already used.</exception>
    /// <exception cref="TransactionAlreadyKnownException">The node already has this transaction.</exception>
    /// <exception cref="TransactionUnderpricedException">The fees are too low.</exception>
    /// <exception cref="InsufficientFundsException">The sender cannot pay.</exception>
    /// <exception cref="TransactionSubmissionUncertainException">The node may or may not have received it.</exception>
    public async Task<string> SendRawTransactionAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAsync(EthRequests.SendRawTransaction(signedTransaction), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcTransportException e) when (e.Failure != RpcTransportFailure.ConnectionRefused)
        {
            throw new TransactionSubmissionUncertainException(Encoding.Hex.Encode(Keccak256.Hash(signedTransaction.Span)), e);
        }
    }

    /// <summary>A transaction by hash; null when the node does not know it.</summary>
    public Task<RpcTransaction?> GetTransactionAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetTransaction(transactionHash), cancellationToken);

    /// <summary>A transaction's receipt; null while it is not mined.</summary>
    public Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetTransactionReceipt(transactionHash), cancellationToken);

    /// <summary>Logs matching a filter (<c>eth_getLogs</c>).</summary>
    public Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default) =>
        SendAsync(EthRequests.GetLogs(filter), cancellationToken);

    /// <summary>
    /// Polls for a transaction's receipt every <see cref="JsonRpcClientOptions.ReceiptPollInterval"/> until it is
    /// mined, for at most <paramref name="timeout"/> (default <see cref="JsonRpcClientOptions.ReceiptTimeout"/>).
    /// </summary>
    /// <exception cref="TransactionReceiptTimeoutException">No receipt within the timeout.</exception>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        TimeSpan limit = timeout ?? Options.ReceiptTimeout;
        long started = TimeProvider.GetTimestamp();
        while (true)
        {
            TransactionReceipt? receipt = await GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt;
            }

            if (TimeProvider.GetElapsedTime(started) >= limit)
            {
                throw new TransactionReceiptTimeoutException(transactionHash, limit);
            }

            await Task.Delay(Options.ReceiptPollInterval, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
