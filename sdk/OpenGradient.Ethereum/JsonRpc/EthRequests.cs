using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text.Json;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// Typed <c>eth_*</c> calls, for <see cref="JsonRpcBatch.Add{T}"/> (the client's own typed methods use the same
/// definitions). Results that may be absent (a block or transaction the node does not know) are null.
/// </summary>
public static class EthRequests
{
    /// <summary><c>eth_chainId</c>.</summary>
    public static RpcRequest<ulong> ChainId() => new("eth_chainId", null, static (j, r) => j.ParseUInt64(r, "result"), true);

    /// <summary><c>eth_blockNumber</c>.</summary>
    public static RpcRequest<ulong> BlockNumber() => new("eth_blockNumber", null, static (j, r) => j.ParseUInt64(r, "result"), true);

    /// <summary><c>eth_getBlockByNumber</c> or, for a hash parameter, <c>eth_getBlockByHash</c>; null when the node has no such block.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="block"/> is <see cref="BlockParameter.Pending"/>: nodes leave out different header fields of a block
    /// not yet mined (geth the hash, Hardhat the number), so it cannot be read as a <see cref="Block"/>; use the untyped
    /// <see cref="Raw"/> call for it.
    /// </exception>
    public static RpcRequest<Block?> GetBlock(BlockParameter block, bool fullTransactions = false) =>
        block == BlockParameter.Pending
            ? throw new ArgumentException("The pending block has no stable hash or number across nodes; read a mined block (latest, a number or a hash), or send eth_getBlockByNumber(\"pending\") untyped.", nameof(block))
            : block.BlockHash is { } hash
            ? new("eth_getBlockByHash", w => { w.WriteStringValue(hash); w.WriteBooleanValue(fullTransactions); }, ReadNullableBlock, true)
            : new("eth_getBlockByNumber", w => { w.WriteStringValue(block.ToString()); w.WriteBooleanValue(fullTransactions); }, ReadNullableBlock, true);

    /// <summary><c>eth_getBalance</c>, in wei.</summary>
    public static RpcRequest<BigInteger> GetBalance(Address address, BlockParameter block = default) =>
        new("eth_getBalance", w => { w.WriteStringValue(address.ToLowerHex()); block.WriteTo(w); }, static (j, r) => j.ParseBig(r, "result"), true);

    /// <summary><c>eth_getTransactionCount</c>: the next nonce (pass <see cref="BlockParameter.Pending"/> to count pool transactions).</summary>
    public static RpcRequest<ulong> GetTransactionCount(Address address, BlockParameter block = default) =>
        new("eth_getTransactionCount", w => { w.WriteStringValue(address.ToLowerHex()); block.WriteTo(w); }, static (j, r) => j.ParseUInt64(r, "result"), true);

    /// <summary><c>eth_getCode</c>: the runtime code, empty for an account without code.</summary>
    public static RpcRequest<byte[]> GetCode(Address address, BlockParameter block = default) =>
        new("eth_getCode", w => { w.WriteStringValue(address.ToLowerHex()); block.WriteTo(w); }, static (j, r) => j.ParseData(r, "result", -1), true);

    /// <summary><c>eth_getStorageAt</c>: one 32-byte storage slot.</summary>
    public static RpcRequest<byte[]> GetStorageAt(Address address, BigInteger slot, BlockParameter block = default) =>
        new("eth_getStorageAt", w => { w.WriteStringValue(address.ToLowerHex()); w.WriteStringValue(RpcValues.Quantity(slot)); block.WriteTo(w); }, static (j, r) => j.ParseData(r, "result", 32), true);

    /// <summary><c>eth_call</c>: the return data; a revert raises <see cref="ContractRevertedException"/>.</summary>
    public static RpcRequest<byte[]> Call(CallRequest call, BlockParameter block = default, IReadOnlyDictionary<Address, AccountOverride>? stateOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new("eth_call", w =>
        {
            WriteCallObject(w, call);
            block.WriteTo(w);
            if (stateOverrides is { Count: > 0 })
            {
                WriteOverrides(w, stateOverrides);
            }
        }, static (j, r) => j.ParseData(r, "result", -1), true);
    }

    /// <summary><c>eth_estimateGas</c>; a revert raises <see cref="ContractRevertedException"/>. The block is omitted when null (some nodes reject it).</summary>
    public static RpcRequest<ulong> EstimateGas(CallRequest call, BlockParameter? block = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new("eth_estimateGas", w =>
        {
            WriteCallObject(w, call);
            block?.WriteTo(w);
        }, static (j, r) => j.ParseUInt64(r, "result"), true);
    }

    /// <summary><c>eth_gasPrice</c>, in wei.</summary>
    public static RpcRequest<BigInteger> GasPrice() => new("eth_gasPrice", null, static (j, r) => j.ParseBig(r, "result"), true);

    /// <summary><c>eth_maxPriorityFeePerGas</c>: the node's suggested tip, in wei.</summary>
    public static RpcRequest<BigInteger> MaxPriorityFeePerGas() => new("eth_maxPriorityFeePerGas", null, static (j, r) => j.ParseBig(r, "result"), true);

    /// <summary><c>eth_feeHistory</c> over <paramref name="blockCount"/> blocks ending at <paramref name="newestBlock"/>.</summary>
    public static RpcRequest<FeeHistory> FeeHistory(int blockCount, BlockParameter newestBlock = default, IReadOnlyList<double>? rewardPercentiles = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        return new("eth_feeHistory", w =>
        {
            w.WriteStringValue(RpcValues.Quantity((ulong)blockCount));
            newestBlock.WriteTo(w);
            w.WriteStartArray();
            foreach (double p in rewardPercentiles ?? [])
            {
                w.WriteNumberValue(p);
            }

            w.WriteEndArray();
        }, static (j, r) => RpcModelReader.ReadFeeHistory(j, r), true);
    }

    /// <summary><c>eth_sendRawTransaction</c>: returns the transaction hash. Never retried (see <see cref="TransactionSubmissionUncertainException"/>).</summary>
    public static RpcRequest<string> SendRawTransaction(ReadOnlyMemory<byte> signedTransaction) =>
        new("eth_sendRawTransaction", w => w.WriteStringValue(RpcValues.Data(signedTransaction.Span)), static (j, r) => j.ParseHash(r, "result"), false);

    /// <summary><c>eth_getTransactionByHash</c>; null when the node does not know it.</summary>
    public static RpcRequest<RpcTransaction?> GetTransaction(string transactionHash) =>
        new("eth_getTransactionByHash", w => w.WriteStringValue(transactionHash), static (j, r) => r.ValueKind == JsonValueKind.Null ? null : RpcModelReader.ReadTransaction(j, r), true);

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined (or unknown).</summary>
    public static RpcRequest<TransactionReceipt?> GetTransactionReceipt(string transactionHash) =>
        new("eth_getTransactionReceipt", w => w.WriteStringValue(transactionHash), static (j, r) => r.ValueKind == JsonValueKind.Null ? null : RpcModelReader.ReadReceipt(j, r), true);

    /// <summary><c>eth_getLogs</c>.</summary>
    /// <exception cref="ArgumentException">The filter mixes a block hash with a range, or has more than 4 topic positions.</exception>
    public static RpcRequest<IReadOnlyList<Log>> GetLogs(LogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.BlockHash is not null && (filter.FromBlock is not null || filter.ToBlock is not null))
        {
            throw new ArgumentException("A log filter takes either BlockHash or FromBlock/ToBlock, not both.", nameof(filter));
        }

        if (filter.Topics.Count > 4)
        {
            throw new ArgumentException($"A log has at most 4 topics but the filter constrains {filter.Topics.Count} positions.", nameof(filter));
        }

        return new("eth_getLogs", w => WriteFilter(w, filter), static (j, r) => RpcModelReader.ReadLogs(j, r), true);
    }

    /// <summary>Any method, with parameters serialized by System.Text.Json; the result as raw JSON.</summary>
    [RequiresUnreferencedCode("Parameters are serialized by reflection.")]
    [RequiresDynamicCode("Parameters are serialized by reflection.")]
    public static RpcRequest<JsonElement> Raw(string method, IReadOnlyList<object?>? parameters = null, bool? isIdempotent = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return new(method, w =>
        {
            foreach (object? p in parameters ?? [])
            {
                if (p is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    JsonSerializer.Serialize(w, p, p.GetType(), RpcJsonSerializer.Options);
                }
            }
        }, static (_, r) => r.Clone(), isIdempotent ?? RpcMethods.IsIdempotent(method));
    }

    private static Block? ReadNullableBlock(RpcJson json, JsonElement result) =>
        result.ValueKind == JsonValueKind.Null ? null : RpcModelReader.ReadBlock(json, result);

    private static void WriteCallObject(Utf8JsonWriter w, CallRequest call)
    {
        w.WriteStartObject();
        if (call.From is { } from)
        {
            w.WriteString("from", from.ToLowerHex());
        }

        if (call.To is { } to)
        {
            w.WriteString("to", to.ToLowerHex());
        }

        if (call.Gas is { } gas)
        {
            RpcValues.WriteQuantity(w, "gas", gas);
        }

        if (call.GasPrice is { } gasPrice)
        {
            RpcValues.WriteQuantity(w, "gasPrice", gasPrice);
        }

        if (call.MaxFeePerGas is { } maxFee)
        {
            RpcValues.WriteQuantity(w, "maxFeePerGas", maxFee);
        }

        if (call.MaxPriorityFeePerGas is { } tip)
        {
            RpcValues.WriteQuantity(w, "maxPriorityFeePerGas", tip);
        }

        if (call.Value is { } value)
        {
            RpcValues.WriteQuantity(w, "value", value);
        }

        if (call.Data is { } data)
        {
            w.WriteString("data", RpcValues.Data(data.Span));
        }

        w.WriteEndObject();
    }

    private static void WriteOverrides(Utf8JsonWriter w, IReadOnlyDictionary<Address, AccountOverride> overrides)
    {
        w.WriteStartObject();
        foreach ((Address address, AccountOverride o) in overrides)
        {
            w.WriteStartObject(address.ToLowerHex());
            if (o.Balance is { } balance)
            {
                RpcValues.WriteQuantity(w, "balance", balance);
            }

            if (o.Nonce is { } nonce)
            {
                RpcValues.WriteQuantity(w, "nonce", nonce);
            }

            if (o.Code is { } code)
            {
                w.WriteString("code", RpcValues.Data(code.Span));
            }

            WriteSlots(w, "state", o.State);
            WriteSlots(w, "stateDiff", o.StateDiff);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteSlots(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string>? slots)
    {
        if (slots is null)
        {
            return;
        }

        w.WriteStartObject(name);
        foreach ((string slot, string value) in slots)
        {
            w.WriteString(slot, value);
        }

        w.WriteEndObject();
    }

    private static void WriteFilter(Utf8JsonWriter w, LogFilter filter)
    {
        w.WriteStartObject();
        if (filter.Addresses.Count > 0)
        {
            w.WriteStartArray("address");
            foreach (Address address in filter.Addresses)
            {
                w.WriteStringValue(address.ToLowerHex());
            }

            w.WriteEndArray();
        }

        if (filter.Topics.Count > 0)
        {
            w.WriteStartArray("topics");
            foreach (IReadOnlyList<string>? position in filter.Topics)
            {
                if (position is null || position.Count == 0)
                {
                    w.WriteNullValue();
                }
                else if (position.Count == 1)
                {
                    w.WriteStringValue(NormalizeTopic(position[0]));
                }
                else
                {
                    w.WriteStartArray();
                    foreach (string topic in position)
                    {
                        w.WriteStringValue(NormalizeTopic(topic));
                    }

                    w.WriteEndArray();
                }
            }

            w.WriteEndArray();
        }

        if (filter.FromBlock is { } from)
        {
            w.WritePropertyName("fromBlock");
            w.WriteStringValue(from.ToString());
        }

        if (filter.ToBlock is { } to)
        {
            w.WritePropertyName("toBlock");
            w.WriteStringValue(to.ToString());
        }

        if (filter.BlockHash is { } hash)
        {
            w.WriteString("blockHash", NormalizeTopic(hash));
        }

        w.WriteEndObject();
    }

    /// <summary>Checks a topic (or block hash) is 32 bytes of hex and writes it in lower case.</summary>
    private static string NormalizeTopic(string topic) => Encoding.Hex.Encode(Encoding.Hex.Decode(topic, 32));
}
