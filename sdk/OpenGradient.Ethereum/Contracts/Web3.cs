using System.Numerics;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Transactions;

namespace OpenGradient.Ethereum.Contracts;

/// <summary>
/// The entry point for talking to a chain as one account: contracts by ABI and address, deployments from
/// Hardhat artifacts, and EIP-1559 transactions that are filled in from the node (nonce, fees, gas), signed
/// locally, sent, and awaited. Reads work without a key; sending needs one.
/// </summary>
/// <remarks>
/// Nonces come from the node's pending count for each transaction, which is right for one sender sending one
/// transaction at a time; a service sending many concurrently should manage nonces itself (<see cref="TransactionOptions.Nonce"/>).
/// </remarks>
public sealed class Web3
{
    private const int GasHeadroomPercent = 20;
    private static readonly BigInteger DefaultTip = 1_000_000_000;
    private ulong? _chainId;

    /// <summary>Creates an entry point on a client, optionally with the key that signs transactions.</summary>
    public Web3(JsonRpcClient rpc, EthKey? account = null)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        Rpc = rpc;
        Account = account;
    }

    /// <summary>The JSON-RPC client.</summary>
    public JsonRpcClient Rpc { get; }

    /// <summary>The signing key, if any.</summary>
    public EthKey? Account { get; }

    /// <summary>The chain id (asked once, then cached).</summary>
    public async Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        _chainId ??= await Rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>A contract at <paramref name="address"/> with the given ABI.</summary>
    public Contract GetContract(ContractAbi abi, Address address) => new(this, abi, address);

    /// <summary>A contract at <paramref name="address"/> with the ABI of an artifact.</summary>
    public Contract GetContract(ContractArtifact artifact, Address address)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return new(this, artifact.Abi, address);
    }

    /// <summary>Deploys an artifact with constructor arguments and waits for it to be mined.</summary>
    /// <exception cref="ContractRevertedException">The constructor reverted (decoded with the artifact's ABI).</exception>
    public async Task<ContractDeployment> DeployAsync(
        ContractArtifact artifact,
        object?[] constructorArguments,
        TransactionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        byte[] data = artifact.GetDeploymentData(constructorArguments ?? []);
        TransactionReceipt receipt = await SendTransactionAsync(null, data, options, artifact.Abi, cancellationToken).ConfigureAwait(false);
        if (receipt.ContractAddress is not { } address)
        {
            throw new RpcResponseFormatException("eth_getTransactionReceipt", $"the receipt of creation transaction {receipt.TransactionHash} has no contractAddress.");
        }

        return new ContractDeployment(GetContract(artifact.Abi, address), receipt);
    }

    /// <summary>Sends wei to an address and waits for the receipt.</summary>
    public Task<TransactionReceipt> TransferAsync(Address to, BigInteger weiAmount, TransactionOptions? options = null, CancellationToken cancellationToken = default) =>
        SendTransactionAsync(to, ReadOnlyMemory<byte>.Empty, WithValue(options, weiAmount), null, cancellationToken);

    /// <summary>
    /// Builds, signs, sends and awaits an EIP-1559 transaction. A failed (status 0) transaction is replayed as a call
    /// at its parent block to recover the revert reason, decoded with <paramref name="errorAbi"/> when given.
    /// </summary>
    /// <exception cref="InvalidOperationException">This instance has no signing key.</exception>
    /// <exception cref="ContractRevertedException">Gas estimation or the mined transaction reverted.</exception>
    /// <exception cref="TransactionFailedException">The transaction failed without a reproducible revert (e.g. out of gas).</exception>
    public async Task<TransactionReceipt> SendTransactionAsync(
        Address? to,
        ReadOnlyMemory<byte> data,
        TransactionOptions? options = null,
        ContractAbi? errorAbi = null,
        CancellationToken cancellationToken = default)
    {
        EthKey key = Account ?? throw new InvalidOperationException("This Web3 has no account key, so it cannot sign transactions; create it with an EthKey.");
        options ??= new TransactionOptions();
        ulong chainId = await GetChainIdAsync(cancellationToken).ConfigureAwait(false);

        // Nonce, base fee and tip in one round trip.
        JsonRpcBatch batch = Rpc.CreateBatch();
        Task<ulong> nonceTask = batch.Add(EthRequests.GetTransactionCount(key.Address, BlockParameter.Pending));
        Task<Block?> blockTask = batch.Add(EthRequests.GetBlock(BlockParameter.Latest));
        Task<BigInteger> tipTask = batch.Add(EthRequests.MaxPriorityFeePerGas());
        await batch.SendAsync(cancellationToken).ConfigureAwait(false);

        ulong nonce = options.Nonce ?? await nonceTask.ConfigureAwait(false);
        BigInteger tip = options.MaxPriorityFeePerGas ?? await SuggestedTipAsync(tipTask).ConfigureAwait(false);
        Block latest = await blockTask.ConfigureAwait(false)
            ?? throw new RpcResponseFormatException("eth_getBlockByNumber", "the node has no latest block.");
        BigInteger baseFee = latest.BaseFeePerGas
            ?? throw new InvalidOperationException("The chain has no EIP-1559 base fee (pre-London); this helper sends EIP-1559 transactions only.");
        BigInteger maxFee = options.MaxFeePerGas ?? (baseFee * 2) + tip;

        var call = new CallRequest { From = key.Address, To = to, Value = options.Value, Data = data, MaxFeePerGas = maxFee, MaxPriorityFeePerGas = tip };
        ulong gasLimit = options.GasLimit ?? await EstimateWithHeadroomAsync(call, errorAbi, cancellationToken).ConfigureAwait(false);

        var transaction = new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = maxFee,
            GasLimit = gasLimit,
            To = to,
            Value = options.Value,
            Data = data,
        };
        SignedTransaction signed = transaction.Sign(key);
        string hash;
        try
        {
            hash = await Rpc.SendRawTransactionAsync(signed.Encode(), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (e is not (NonceTooLowException or TransactionAlreadyKnownException or TransactionUnderpricedException or InsufficientFundsException))
        {
            // Hardhat's automine mines a failing transaction and then reports the failure as the send's error.
            throw await ExplainRejectedSendAsync(e, Encoding.Hex.Encode(signed.GetHash()), gasLimit, errorAbi, cancellationToken).ConfigureAwait(false);
        }

        TransactionReceipt receipt = await Rpc.WaitForReceiptAsync(hash, options.ReceiptTimeout, cancellationToken).ConfigureAwait(false);
        if (!receipt.Succeeded)
        {
            throw await ExplainFailureAsync(WithGas(call, gasLimit), receipt, gasLimit, errorAbi, cancellationToken).ConfigureAwait(false);
        }

        return receipt;
    }

    private static async Task<BigInteger> SuggestedTipAsync(Task<BigInteger> tipTask)
    {
        try
        {
            return await tipTask.ConfigureAwait(false);
        }
        catch (JsonRpcException)
        {
            // Nodes without eth_maxPriorityFeePerGas: a 1 gwei tip is what most wallets fall back to.
            return DefaultTip;
        }
    }

    private async Task<ulong> EstimateWithHeadroomAsync(CallRequest call, ContractAbi? errorAbi, CancellationToken cancellationToken)
    {
        try
        {
            ulong estimate = await Rpc.EstimateGasAsync(call, null, cancellationToken).ConfigureAwait(false);
            return estimate + (estimate * GasHeadroomPercent / 100);
        }
        catch (ContractRevertedException e) when (errorAbi is not null)
        {
            throw e.DecodeWith(errorAbi);
        }
    }

    private async Task<Exception> ExplainRejectedSendAsync(JsonRpcException error, string hash, ulong gasLimit, ContractAbi? errorAbi, CancellationToken cancellationToken)
    {
        TransactionReceipt? mined = await Rpc.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
        if (error is ContractRevertedException reverted)
        {
            ContractRevertedException decoded = errorAbi is null ? reverted : reverted.DecodeWith(errorAbi);
            return mined is null ? decoded : decoded.ForTransaction(hash);
        }

        return mined is { Succeeded: false } ? new TransactionFailedException(mined, gasLimit) : error;
    }

    private async Task<Exception> ExplainFailureAsync(CallRequest call, TransactionReceipt receipt, ulong gasLimit, ContractAbi? errorAbi, CancellationToken cancellationToken)
    {
        BlockParameter parent = receipt.BlockNumber > 0 ? BlockParameter.Number(receipt.BlockNumber - 1) : BlockParameter.Earliest;
        try
        {
            await Rpc.CallAsync(call, parent, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException e)
        {
            ContractRevertedException decoded = errorAbi is null ? e : e.DecodeWith(errorAbi);
            return decoded.ForTransaction(receipt.TransactionHash);
        }

        return new TransactionFailedException(receipt, gasLimit);
    }

    private static CallRequest WithGas(CallRequest call, ulong gas) => new()
    {
        From = call.From,
        To = call.To,
        Value = call.Value,
        Data = call.Data,
        MaxFeePerGas = call.MaxFeePerGas,
        MaxPriorityFeePerGas = call.MaxPriorityFeePerGas,
        Gas = gas,
    };

    private static TransactionOptions WithValue(TransactionOptions? options, BigInteger value) => new()
    {
        Value = value,
        GasLimit = options?.GasLimit,
        MaxFeePerGas = options?.MaxFeePerGas,
        MaxPriorityFeePerGas = options?.MaxPriorityFeePerGas,
        Nonce = options?.Nonce,
        ReceiptTimeout = options?.ReceiptTimeout,
    };
}
