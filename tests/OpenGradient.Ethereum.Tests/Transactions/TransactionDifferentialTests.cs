using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Tests.Differential;
using OpenGradient.Ethereum.Transactions;

namespace OpenGradient.Ethereum.Tests.Transactions;

/// <summary>
/// Thousands of random transactions of every type, signed with random keys, against viem: viem signs
/// the same transaction with the same key and must produce the same bytes (RFC 6979 makes signing
/// deterministic); viem parses our bytes to the same fields and recovers the same sender.
/// </summary>
[Category("Differential")]
public sealed class TransactionDifferentialTests
{
    private const int Cases = 2000;

    [Test]
    public void Transactions_ThousandsOfRandomCases_EqualViemSignParseRecoverAndHash()
    {
        var random = new Random(155_1559);
        var keys = new List<EthKey>();
        var signed = new List<SignedTransaction>();
        var input = new JsonArray();
        for (int i = 0; i < Cases; i++)
        {
            EthKey key = RandomTransactions.Key(random);
            SignedTransaction tx = RandomTransactions.Transaction(random).Sign(key);
            keys.Add(key);
            signed.Add(tx);
            input.Add(new JsonObject
            {
                ["privateKey"] = Hex.Encode(key.ExportPrivateKey()),
                ["tx"] = ToViemJson(tx.Transaction),
                ["raw"] = tx.ToHex(),
            });
        }

        JsonArray results = NodeScript.Run("transactions.mjs", input, TimeSpan.FromMinutes(5)).AsArray();

        Assert.That(results, Has.Count.EqualTo(Cases));
        for (int i = 0; i < Cases; i++)
        {
            SignedTransaction tx = signed[i];
            JsonNode result = results[i]!;
            string context = $"case {i}: {tx.Transaction}";
            Assert.That(tx.ToHex(), Is.EqualTo((string?)result["viemRaw"]), context);
            Assert.That(Hex.Encode(tx.Transaction.GetSigningPayload()), Is.EqualTo((string?)result["unsigned"]), context);
            Assert.That(Hex.Encode(tx.GetHash()), Is.EqualTo((string?)result["hash"]), context);
            Assert.That((string?)result["recovered"], Is.EqualTo(keys[i].Address.ToLowerHex()), context);
            AssertParsedEquals(result["parsed"]!, tx, context);
            Assert.That(SignedTransaction.Parse((string)result["viemRaw"]!), Is.EqualTo(tx), context);
        }
    }

    private static JsonObject ToViemJson(Transaction tx)
    {
        var json = new JsonObject
        {
            ["type"] = TypeName(tx.Type),
            ["nonce"] = Quantity(tx.Nonce),
            ["gas"] = Quantity(tx.GasLimit),
            ["value"] = Quantity(tx.Value),
            ["data"] = Hex.Encode(tx.Data.Span),
        };
        if (tx.ChainId is { } chainId)
        {
            json["chainId"] = Quantity(chainId);
        }

        if (tx.To is { } to)
        {
            json["to"] = to.ToString();
        }

        if (tx.Type == TransactionType.DynamicFee)
        {
            json["maxFeePerGas"] = Quantity(tx.MaxFeePerGas);
            json["maxPriorityFeePerGas"] = Quantity(tx.MaxPriorityFeePerGas);
        }
        else
        {
            json["gasPrice"] = Quantity(tx.GasPrice);
        }

        json["accessList"] = AccessListJson(tx);
        return json;
    }

    private static JsonArray AccessListJson(Transaction tx)
    {
        var list = new JsonArray();
        foreach (AccessListEntry entry in tx.AccessList)
        {
            var keys = new JsonArray();
            foreach (ReadOnlyMemory<byte> key in entry.StorageKeys)
            {
                keys.Add(Hex.Encode(key.Span));
            }

            list.Add(new JsonObject { ["address"] = entry.Address.ToLowerHex(), ["storageKeys"] = keys });
        }

        return list;
    }

    private static void AssertParsedEquals(JsonNode parsed, SignedTransaction signed, string context)
    {
        Transaction tx = signed.Transaction;
        Assert.That((string?)parsed["type"], Is.EqualTo(TypeName(tx.Type)), context);
        Assert.That(ParseQuantity(parsed["chainId"]), Is.EqualTo(tx.ChainId is { } c ? new BigInteger(c) : (BigInteger?)null), context);
        Assert.That(ParseQuantity(parsed["nonce"]), Is.EqualTo(new BigInteger(tx.Nonce)), context);
        Assert.That(ParseQuantity(parsed["gasPrice"]), Is.EqualTo(tx.GasPrice), context);
        Assert.That(ParseQuantity(parsed["maxFeePerGas"]), Is.EqualTo(tx.MaxFeePerGas), context);
        Assert.That(ParseQuantity(parsed["maxPriorityFeePerGas"]), Is.EqualTo(tx.MaxPriorityFeePerGas), context);
        Assert.That(ParseQuantity(parsed["gas"]), Is.EqualTo(new BigInteger(tx.GasLimit)), context);
        Assert.That((string?)parsed["to"], Is.EqualTo(tx.To?.ToLowerHex()), context);
        Assert.That(ParseQuantity(parsed["value"]), Is.EqualTo(tx.Value), context);
        Assert.That((string?)parsed["data"], Is.EqualTo(Hex.Encode(tx.Data.Span)), context);
        Assert.That(parsed["accessList"]!.ToJsonString(), Is.EqualTo(AccessListJson(tx).ToJsonString()), context);
        Assert.That((int?)parsed["yParity"], Is.EqualTo(signed.Signature.YParity), context);
        Assert.That(ParseQuantity(parsed["r"]), Is.EqualTo(new BigInteger(signed.Signature.R, isUnsigned: true, isBigEndian: true)), context);
        Assert.That(ParseQuantity(parsed["s"]), Is.EqualTo(new BigInteger(signed.Signature.S, isUnsigned: true, isBigEndian: true)), context);
    }

    private static string TypeName(TransactionType type) => type switch
    {
        TransactionType.Legacy => "legacy",
        TransactionType.AccessList => "eip2930",
        _ => "eip1559",
    };

    private static string Quantity(BigInteger value) => "0x" + (value.IsZero ? "0" : value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'));

    private static BigInteger? ParseQuantity(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        string digits = Hex.StripPrefix((string)node!).ToString();
        return digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse("0" + digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
