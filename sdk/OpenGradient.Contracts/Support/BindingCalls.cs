using System.Diagnostics.CodeAnalysis;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Contracts;

/// <summary>What every generated service does the same way: calls, sends and log queries with typed reverts.</summary>
internal static class BindingCalls
{
    public static async Task<AbiValues> CallAsync(Contract contract, string signature, object?[] arguments, BlockParameter? block, CancellationToken cancellationToken)
    {
        try
        {
            return await contract.CallAsync(signature, block ?? BlockParameter.Latest, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException e)
        {
            throw ContractErrors.Translate(e);
        }
    }

    public static async Task<TransactionReceipt> SendAsync(Contract contract, string signature, object?[] arguments, TransactionOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return await contract.SendAsync(signature, options, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (ContractRevertedException e)
        {
            throw ContractErrors.Translate(e);
        }
    }

    public static async Task<IReadOnlyList<T>> GetLogsAsync<T>(
        Contract contract,
        string topic0,
        BlockParameter fromBlock,
        BlockParameter toBlock,
        IReadOnlyList<IReadOnlyList<string>?>? indexedFilters,
        Func<IEnumerable<Log>, Ethereum.Primitives.Address?, IReadOnlyList<T>> decodeAll,
        CancellationToken cancellationToken)
    {
        var topics = new List<IReadOnlyList<string>?> { LogFilter.AnyOf(topic0) };
        if (indexedFilters is not null)
        {
            topics.AddRange(indexedFilters);
        }

        var filter = new LogFilter { Addresses = [contract.Address], Topics = topics, FromBlock = fromBlock, ToBlock = toBlock };
        IReadOnlyList<Log> logs = await contract.Web3.Rpc.GetLogsAsync(filter, cancellationToken).ConfigureAwait(false);
        return decodeAll(logs, contract.Address);
    }

    public static AbiValues DecodeLog(AbiEvent definition, Log log)
    {
        var topics = new byte[log.Topics.Count][];
        for (int i = 0; i < topics.Length; i++)
        {
            topics[i] = Hex.Decode(log.Topics[i]);
        }

        return definition.DecodeLog(topics, log.Data);
    }

    public static bool TryDecodeError(AbiError definition, ReadOnlySpan<byte> revertData, [NotNullWhen(true)] out AbiValues? values)
    {
        values = null;
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(definition.Selector))
        {
            return false;
        }

        try
        {
            values = definition.Decode(revertData);
            return true;
        }
        catch (AbiDecodingException)
        {
            return false;
        }
    }
}
