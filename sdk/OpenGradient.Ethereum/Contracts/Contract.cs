using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Contracts;

/// <summary>
/// A deployed contract seen through its ABI: read-only calls with decoded outputs, transactions signed by the
/// <see cref="Web3"/> account, event decoding and queries. Reverts come back as <see cref="ContractRevertedException"/>
/// with custom errors decoded against this ABI. Get one from <see cref="Web3.GetContract(ContractAbi, Address)"/>.
/// </summary>
public sealed class Contract
{
    internal Contract(Web3 web3, ContractAbi abi, Address address)
    {
        ArgumentNullException.ThrowIfNull(web3);
        ArgumentNullException.ThrowIfNull(abi);
        Web3 = web3;
        Abi = abi;
        Address = address;
    }

    /// <summary>The contract's address.</summary>
    public Address Address { get; }

    /// <summary>The ABI used for encoding and decoding.</summary>
    public ContractAbi Abi { get; }

    /// <summary>The entry point this contract sends through.</summary>
    public Web3 Web3 { get; }

    /// <summary>
    /// Calls a function with <c>eth_call</c> (no transaction) from the account, if any, and decodes its outputs.
    /// </summary>
    /// <param name="function">Function name, or canonical signature for overloads (e.g. <c>add(uint256,uint256)</c>).</param>
    /// <param name="arguments">Arguments, in the ABI codec's value model.</param>
    /// <exception cref="ContractRevertedException">The call reverted; custom errors decoded with this ABI.</exception>
    public Task<AbiValues> CallAsync(string function, params object?[] arguments) =>
        CallAsync(function, BlockParameter.Latest, arguments, CancellationToken.None);

    /// <summary>Like <see cref="CallAsync(string, object?[])"/>, at a chosen block and cancellable.</summary>
    public async Task<AbiValues> CallAsync(string function, BlockParameter block, object?[] arguments, CancellationToken cancellationToken)
    {
        AbiFunction f = Abi.GetFunction(function);
        var call = new CallRequest { From = Web3.Account?.Address, To = Address, Data = f.EncodeCall(arguments ?? []) };
        byte[] output;
        try
        {
            output = await Web3.Rpc.CallAsync(call, block, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException e)
        {
            throw e.DecodeWith(Abi);
        }

        if (output.Length == 0 && f.Outputs.Count > 0)
        {
            byte[] code = await Web3.Rpc.GetCodeAsync(Address, block, cancellationToken).ConfigureAwait(false);
            if (code.Length == 0)
            {
                throw new InvalidOperationException(
                    $"There is no contract at {Address} (at block {block}); {f.Name} returned nothing. Check the address and the network (chain id {await Web3.GetChainIdAsync(cancellationToken).ConfigureAwait(false)}).");
            }
        }

        return f.DecodeOutput(output);
    }

    /// <summary>Calls a function that returns one value and returns it as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidCastException">The output is not a <typeparamref name="T"/> in the codec's value model.</exception>
    public async Task<T> CallAsync<T>(string function, params object?[] arguments)
    {
        AbiValues values = await CallAsync(function, BlockParameter.Latest, arguments, CancellationToken.None).ConfigureAwait(false);
        return values.Count > 0
            ? (T)values[0]!
            : throw new InvalidOperationException($"{function} returns nothing; use CallAsync without a type or SendAsync.");
    }

    /// <summary>Sends a transaction calling <paramref name="function"/> and waits for its receipt.</summary>
    /// <exception cref="ContractRevertedException">Gas estimation or the mined transaction reverted; decoded with this ABI.</exception>
    /// <exception cref="TransactionFailedException">The transaction failed without a reproducible revert.</exception>
    public Task<TransactionReceipt> SendAsync(string function, params object?[] arguments) =>
        SendAsync(function, null, arguments, CancellationToken.None);

    /// <summary>Like <see cref="SendAsync(string, object?[])"/>, with options (value, gas, fees, nonce) and cancellation.</summary>
    public Task<TransactionReceipt> SendAsync(string function, TransactionOptions? options, object?[] arguments, CancellationToken cancellationToken)
    {
        AbiFunction f = Abi.GetFunction(function);
        return Web3.SendTransactionAsync(Address, f.EncodeCall(arguments ?? []), options, Abi, cancellationToken);
    }

    /// <summary>Estimates the gas of calling <paramref name="function"/> from the account.</summary>
    public async Task<ulong> EstimateGasAsync(string function, object?[] arguments, CancellationToken cancellationToken = default)
    {
        AbiFunction f = Abi.GetFunction(function);
        try
        {
            return await Web3.Rpc.EstimateGasAsync(new CallRequest { From = Web3.Account?.Address, To = Address, Data = f.EncodeCall(arguments ?? []) }, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException e)
        {
            throw e.DecodeWith(Abi);
        }
    }

    /// <summary>
    /// Decodes the logs this contract emitted in a receipt (logs of other contracts, or of events not in the ABI, are skipped).
    /// </summary>
    public IReadOnlyList<DecodedEvent> DecodeEvents(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return DecodeEvents(receipt.Logs);
    }

    /// <summary>Decodes this contract's logs among <paramref name="logs"/>; others are skipped.</summary>
    /// <exception cref="AbiDecodingException">A log of this contract matches an event's topic but not its layout.</exception>
    public IReadOnlyList<DecodedEvent> DecodeEvents(IEnumerable<Log> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var decoded = new List<DecodedEvent>();
        foreach (Log log in logs)
        {
            if (log.Address != Address || log.Topics.Count == 0)
            {
                continue;
            }

            byte[][] topics = TopicBytes(log);
            AbiEvent? e = Abi.FindEvent(topics[0]);
            if (e is not null)
            {
                decoded.Add(new DecodedEvent(e, e.DecodeLog(topics, log.Data), log));
            }
        }

        return decoded;
    }

    /// <summary>
    /// Fetches and decodes this contract's <paramref name="eventName"/> logs in a block range. <paramref name="indexedFilters"/>
    /// constrains the indexed fields by position after topic 0 (null = any; a list = any of those 32-byte topics, e.g. from
    /// <see cref="AbiEvent.EncodeTopic(string, object?)"/>).
    /// </summary>
    public async Task<IReadOnlyList<DecodedEvent>> GetEventsAsync(
        string eventName,
        BlockParameter fromBlock,
        BlockParameter toBlock,
        IReadOnlyList<IReadOnlyList<string>?>? indexedFilters = null,
        CancellationToken cancellationToken = default)
    {
        AbiEvent e = Abi.GetEvent(eventName);
        var topics = new List<IReadOnlyList<string>?> { LogFilter.AnyOf(e.Topic0Hex) };
        if (indexedFilters is not null)
        {
            topics.AddRange(indexedFilters);
        }

        var filter = new LogFilter { Addresses = [Address], Topics = topics, FromBlock = fromBlock, ToBlock = toBlock };
        IReadOnlyList<Log> logs = await Web3.Rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return DecodeEvents(logs);
    }

    private static byte[][] TopicBytes(Log log)
    {
        var topics = new byte[log.Topics.Count][];
        for (int i = 0; i < topics.Length; i++)
        {
            topics[i] = Encoding.Hex.Decode(log.Topics[i]);
        }

        return topics;
    }
}
