using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Tests.Differential;
using OpenGradient.Ethereum.Tests.Transactions;
using OpenGradient.Ethereum.TypedData;

namespace OpenGradient.Ethereum.Tests.TypedData;

/// <summary>EIP-712 against viem over generated schemas with nested structs and arrays.</summary>
[Category("Differential")]
public sealed class TypedDataDifferentialTests
{
    private const int Cases = 400;

    [Test]
    public void TypedData_HundredsOfRandomSchemas_EqualViemHashesAndSignatures()
    {
        var random = new Random(712);
        var cases = new List<(Eip712TypedData Data, EthKey Key, string Json)>();
        var input = new JsonArray();
        for (int i = 0; i < Cases; i++)
        {
            Eip712TypedData data = RandomTypedData.Create(random);
            EthKey key = RandomTransactions.Key(random);
            JsonObject json = RandomTypedData.ToJson(data, includeDomainType: i % 2 == 0);
            cases.Add((data, key, json.ToJsonString()));
            input.Add(new JsonObject { ["typedData"] = json, ["privateKey"] = Hex.Encode(key.ExportPrivateKey()) });
        }

        JsonArray results = NodeScript.Run("typeddata.mjs", input).AsArray();

        Assert.That(results, Has.Count.EqualTo(Cases));
        for (int i = 0; i < Cases; i++)
        {
            var (data, key, json) = cases[i];
            JsonNode result = results[i]!;
            string context = $"case {i}: {json}";
            Assert.That(Hex.Encode(data.GetDomainSeparator()), Is.EqualTo((string?)result["domainHash"]), context);
            Assert.That(Hex.Encode(data.HashStruct(data.PrimaryType, data.Message)), Is.EqualTo((string?)result["structHash"]), context);
            Assert.That(Hex.Encode(data.Hash()), Is.EqualTo((string?)result["hash"]), context);
            Assert.That(Hex.Encode(Eip712TypedData.Parse(json).Hash()), Is.EqualTo((string?)result["hash"]), context);
            Assert.That(data.Sign(key).ToString(), Is.EqualTo((string?)result["signature"]), context);
        }
    }
}
