using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Tests.Differential;

/// <summary>Keccak-256, EIP-55 and RLP against viem over thousands of random cases.</summary>
[Category("Differential")]
public sealed class KeccakAddressRlpDifferentialTests
{
    [Test]
    public void Keccak256_ThousandsOfRandomInputs_EqualsViem()
    {
        var random = new Random(10);
        var inputs = new List<byte[]>();
        for (int i = 0; i < 3000; i++)
        {
            // Mostly short inputs around the rate, some long multi-block ones.
            int length = i < 700 ? i : random.Next(0, i % 10 == 0 ? 5000 : 300);
            byte[] input = new byte[length];
            random.NextBytes(input);
            inputs.Add(input);
        }

        var json = new JsonArray();
        foreach (byte[] input in inputs)
        {
            json.Add(Hex.Encode(input));
        }

        JsonArray expected = NodeScript.Run("keccak.mjs", json).AsArray();

        Assert.That(expected, Has.Count.EqualTo(inputs.Count));
        for (int i = 0; i < inputs.Count; i++)
        {
            Assert.That(Hex.Encode(Keccak256.Hash(inputs[i])), Is.EqualTo((string?)expected[i]), $"input #{i}, {inputs[i].Length} bytes");
        }
    }

    [Test]
    public void Address_ThousandsOfRandomAddresses_ChecksumEqualsViemGetAddress()
    {
        var random = new Random(11);
        var addresses = new List<Address>();
        var json = new JsonArray();
        for (int i = 0; i < 2000; i++)
        {
            byte[] bytes = new byte[20];
            random.NextBytes(bytes);
            Address address = Address.FromBytes(bytes);
            addresses.Add(address);
            json.Add(address.ToLowerHex());
        }

        JsonArray expected = NodeScript.Run("address.mjs", json).AsArray();

        for (int i = 0; i < addresses.Count; i++)
        {
            Assert.That(addresses[i].ToString(), Is.EqualTo((string?)expected[i]));
            Assert.That(Address.Parse((string)expected[i]!), Is.EqualTo(addresses[i]));
        }
    }

    [Test]
    public void Rlp_ThousandsOfRandomItems_EncodingEqualsViemAndViemDecodingEqualsOurs()
    {
        var random = new Random(12);
        var items = new List<RlpItem>();
        var json = new JsonArray();
        for (int i = 0; i < 2000; i++)
        {
            RlpItem item = RandomRlp.Item(random, depth: 0);
            items.Add(item);
            json.Add(ToJson(item));
        }

        JsonObject result = NodeScript.Run("rlp.mjs", json).AsObject();
        JsonArray encoded = result["encoded"]!.AsArray();
        JsonArray decoded = result["decoded"]!.AsArray();

        for (int i = 0; i < items.Count; i++)
        {
            byte[] ours = Rlp.Encode(items[i]);
            Assert.That(Hex.Encode(ours), Is.EqualTo((string?)encoded[i]), $"item #{i}: {items[i]}");
            Assert.That(ToJson(Rlp.Decode(ours)).ToJsonString(), Is.EqualTo(decoded[i]!.ToJsonString()), $"item #{i}");
        }
    }

    private static JsonNode ToJson(RlpItem item)
    {
        if (!item.IsList)
        {
            return JsonValue.Create(Hex.Encode(item.Bytes));
        }

        var array = new JsonArray();
        foreach (RlpItem child in item.Items)
        {
            array.Add(ToJson(child));
        }

        return array;
    }
}
