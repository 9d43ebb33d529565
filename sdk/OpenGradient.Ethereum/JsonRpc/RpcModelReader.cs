using System.Numerics;
using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>Reads the typed results (blocks, transactions, receipts, logs, fee history) strictly.</summary>
internal static class RpcModelReader
{
    public static Block ReadBlock(RpcJson json, JsonElement e)
    {
        var hashes = new List<string>();
        var transactions = new List<RpcTransaction>();
        JsonElement txs = json.Required(e, "transactions");
        if (txs.ValueKind != JsonValueKind.Array)
        {
            throw json.Fail($"'transactions' should be an array but is {txs.ValueKind}.");
        }

        foreach (JsonElement tx in txs.EnumerateArray())
        {
            if (tx.ValueKind == JsonValueKind.String)
            {
                hashes.Add(json.ParseHash(tx, "transactions[]"));
            }
            else
            {
                RpcTransaction full = ReadTransaction(json, tx);
                transactions.Add(full);
                hashes.Add(full.Hash);
            }
        }

        return new Block
        {
            Number = json.UInt64(e, "number"),
            Hash = json.Hash(e, "hash"),
            ParentHash = json.Hash(e, "parentHash"),
            Timestamp = json.UInt64(e, "timestamp"),
            BaseFeePerGas = json.OptionalBig(e, "baseFeePerGas"),
            GasLimit = json.UInt64(e, "gasLimit"),
            GasUsed = json.UInt64(e, "gasUsed"),
            Miner = json.Address(e, "miner"),
            TransactionHashes = hashes,
            Transactions = transactions,
        };
    }

    public static RpcTransaction ReadTransaction(RpcJson json, JsonElement e) => new()
    {
        Hash = json.Hash(e, "hash"),
        Type = json.OptionalUInt64(e, "type") ?? 0,
        Nonce = json.UInt64(e, "nonce"),
        From = json.Address(e, "from"),
        To = json.OptionalAddress(e, "to"),
        Value = json.Big(e, "value"),
        Input = json.Data(e, "input"),
        Gas = json.UInt64(e, "gas"),
        GasPrice = json.OptionalBig(e, "gasPrice"),
        MaxFeePerGas = json.OptionalBig(e, "maxFeePerGas"),
        MaxPriorityFeePerGas = json.OptionalBig(e, "maxPriorityFeePerGas"),
        ChainId = json.OptionalUInt64(e, "chainId"),
        BlockHash = json.OptionalHash(e, "blockHash"),
        BlockNumber = json.OptionalUInt64(e, "blockNumber"),
        TransactionIndex = json.OptionalUInt64(e, "transactionIndex"),
    };

    public static TransactionReceipt ReadReceipt(RpcJson json, JsonElement e) => new()
    {
        TransactionHash = json.Hash(e, "transactionHash"),
        TransactionIndex = json.UInt64(e, "transactionIndex"),
        BlockHash = json.Hash(e, "blockHash"),
        BlockNumber = json.UInt64(e, "blockNumber"),
        From = json.Address(e, "from"),
        To = json.OptionalAddress(e, "to"),
        ContractAddress = json.OptionalAddress(e, "contractAddress"),
        Status = json.OptionalUInt64(e, "status"),
        GasUsed = json.UInt64(e, "gasUsed"),
        CumulativeGasUsed = json.UInt64(e, "cumulativeGasUsed"),
        EffectiveGasPrice = json.Big(e, "effectiveGasPrice"),
        Type = json.OptionalUInt64(e, "type") ?? 0,
        Logs = ReadLogs(json, json.Required(e, "logs")),
    };

    public static IReadOnlyList<Log> ReadLogs(RpcJson json, JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw json.Fail($"expected an array of logs but got {array.ValueKind}.");
        }

        var logs = new List<Log>(array.GetArrayLength());
        foreach (JsonElement item in array.EnumerateArray())
        {
            logs.Add(ReadLog(json, item));
        }

        return logs;
    }

    public static Log ReadLog(RpcJson json, JsonElement e)
    {
        JsonElement topicsElement = json.Required(e, "topics");
        if (topicsElement.ValueKind != JsonValueKind.Array)
        {
            throw json.Fail($"'topics' should be an array but is {topicsElement.ValueKind}.");
        }

        var topics = new List<string>(topicsElement.GetArrayLength());
        foreach (JsonElement topic in topicsElement.EnumerateArray())
        {
            topics.Add(json.ParseHash(topic, "topics[]"));
        }

        return new Log
        {
            Address = json.Address(e, "address"),
            Topics = topics,
            Data = json.Data(e, "data"),
            BlockNumber = json.OptionalUInt64(e, "blockNumber"),
            BlockHash = json.OptionalHash(e, "blockHash"),
            TransactionHash = json.OptionalHash(e, "transactionHash"),
            TransactionIndex = json.OptionalUInt64(e, "transactionIndex"),
            LogIndex = json.OptionalUInt64(e, "logIndex"),
            Removed = RpcJson.TryOptional(e, "removed", out _) && json.Bool(e, "removed"),
        };
    }

    public static FeeHistory ReadFeeHistory(RpcJson json, JsonElement e)
    {
        var baseFees = new List<BigInteger>();
        foreach (JsonElement fee in ArrayOf(json, e, "baseFeePerGas"))
        {
            baseFees.Add(json.ParseBig(fee, "baseFeePerGas[]"));
        }

        var ratios = new List<double>();
        foreach (JsonElement ratio in ArrayOf(json, e, "gasUsedRatio"))
        {
            ratios.Add(ratio.ValueKind == JsonValueKind.Number ? ratio.GetDouble() : throw json.Fail("'gasUsedRatio[]' should be a number."));
        }

        var rewards = new List<IReadOnlyList<BigInteger>>();
        if (RpcJson.TryOptional(e, "reward", out _))
        {
            foreach (JsonElement block in ArrayOf(json, e, "reward"))
            {
                if (block.ValueKind != JsonValueKind.Array)
                {
                    throw json.Fail("'reward[]' should be an array of quantities.");
                }

                var row = new List<BigInteger>();
                foreach (JsonElement reward in block.EnumerateArray())
                {
                    row.Add(json.ParseBig(reward, "reward[][]"));
                }

                rewards.Add(row);
            }
        }

        return new FeeHistory
        {
            OldestBlock = json.UInt64(e, "oldestBlock"),
            BaseFeePerGas = baseFees,
            GasUsedRatio = ratios,
            Reward = rewards,
        };
    }

    private static JsonElement.ArrayEnumerator ArrayOf(RpcJson json, JsonElement e, string field)
    {
        JsonElement value = json.Required(e, field);
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw json.Fail($"'{field}' should be an array but is {value.ValueKind}.");
    }
}
