using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Tests.Differential;

/// <summary><c>abi.encodePacked</c> against viem's <c>encodePacked</c> over random types and values.</summary>
[Category("Differential")]
public sealed class PackedDifferentialTests
{
    [Test]
    public void EncodePacked_RandomTypesAndValues_EqualsViem()
    {
        var random = new Random(40);
        var types = new List<AbiType[]>();
        var values = new List<object?[]>();
        var json = new JsonArray();
        for (int i = 0; i < 2000; i++)
        {
            var t = new AbiType[random.Next(1, 5)];
            var v = new object?[t.Length];
            var typeNames = new JsonArray();
            var valueJson = new JsonArray();
            for (int j = 0; j < t.Length; j++)
            {
                t[j] = PackableType(random);
                v[j] = RandomAbi.Value(random, t[j]);
                typeNames.Add(t[j].CanonicalName);
                valueJson.Add(RandomAbi.ViemValue(t[j], v[j]));
            }

            types.Add(t);
            values.Add(v);
            json.Add(new JsonObject { ["types"] = typeNames, ["values"] = valueJson });
        }

        JsonArray viem = NodeScript.Run("packed.mjs", json).AsArray();

        for (int i = 0; i < types.Count; i++)
        {
            string description = $"case #{i}: {string.Join(", ", types[i].Select(t => t.CanonicalName))}";
            Assert.That(viem[i], Is.InstanceOf<JsonValue>(), $"{description}: viem failed: {viem[i]?.ToJsonString()}");
            Assert.That(Hex.Encode(AbiEncoder.EncodePacked(types[i], values[i])), Is.EqualTo((string?)viem[i]), description);
        }
    }

    private static AbiType PackableType(Random random)
    {
        AbiType elementary = random.Next(5) switch
        {
            0 => AbiType.UInt(8 * random.Next(1, 33)),
            1 => AbiType.Int(8 * random.Next(1, 33)),
            2 => AbiType.Address,
            3 => AbiType.Bool,
            _ => AbiType.FixedBytes(random.Next(1, 33)),
        };
        return random.Next(6) switch
        {
            0 => AbiType.Bytes,
            1 => AbiType.String,
            2 => AbiType.ArrayOf(elementary),
            3 => AbiType.FixedArrayOf(elementary, random.Next(1, 4)),
            _ => elementary,
        };
    }
}
