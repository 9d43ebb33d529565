using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Tests.Differential;

/// <summary>ABI encoding and decoding against viem over thousands of random types and values.</summary>
[Category("Differential")]
public sealed class AbiDifferentialTests
{
    private const int Cases = 3000;

    [Test]
    public void Encode_RandomTypesAndValues_EqualsViemAndViemBytesDecodeToTheSameValues()
    {
        var random = new Random(20);
        var parameters = new List<AbiParameter[]>();
        var values = new List<object?[]>();
        var json = new JsonArray();
        for (int i = 0; i < Cases; i++)
        {
            AbiParameter[] p = RandomAbi.Parameters(random);
            object?[] v = RandomAbi.Values(random, p);
            parameters.Add(p);
            values.Add(v);
            var viemParams = new JsonArray();
            foreach (AbiParameter parameter in p)
            {
                viemParams.Add(RandomAbi.ViemParameter(parameter.Type));
            }

            json.Add(new JsonObject { ["params"] = viemParams, ["values"] = RandomAbi.ViemValues(p, v) });
        }

        JsonArray viem = NodeScript.Run("abi.mjs", json).AsArray();

        int nested = 0;
        for (int i = 0; i < Cases; i++)
        {
            string types = string.Join(",", parameters[i].Select(p => p.Type.CanonicalName));
            string description = $"case #{i}: {types}";
            Assert.That(viem[i], Is.InstanceOf<JsonValue>(), $"{description}: viem failed: {viem[i]?.ToJsonString()}");
            byte[] viemBytes = Hex.Decode((string)viem[i]!);

            Assert.That(Hex.Encode(AbiEncoder.Encode(parameters[i], values[i])), Is.EqualTo((string?)viem[i]), description);
            object?[] decoded = AbiDecoder.Decode(parameters[i], viemBytes);
            Assert.That(
                RandomAbi.ViemValues(parameters[i], decoded).ToJsonString(),
                Is.EqualTo(RandomAbi.ViemValues(parameters[i], values[i]).ToJsonString()),
                description);
            if (types.Contains("[]", StringComparison.Ordinal) && types.Contains(')', StringComparison.Ordinal))
            {
                nested++;
            }
        }

        // Guard against a generator that stops producing the interesting shapes.
        Assert.That(nested, Is.GreaterThan(Cases / 20));
    }
}
