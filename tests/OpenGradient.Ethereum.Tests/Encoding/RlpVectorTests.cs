using NUnit.Framework;
using System.Numerics;
using System.Text.Json;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Tests.Differential;

namespace OpenGradient.Ethereum.Tests.Encoding;

/// <summary>Ethereum's published RLP tests (ethereum/tests RLPTests/, copied into Vectors/).</summary>
public sealed class RlpVectorTests
{
    public static IEnumerable<TestCaseData> ValidCases() => Load("rlptest.json", "Valid");

    public static IEnumerable<TestCaseData> InvalidCases() => Load("invalidRLPTest.json", "Invalid");

    [TestCaseSource(nameof(ValidCases))]
    public void Encode_PublishedVector_MatchesExpectedBytes(string name, JsonElement input, string output)
    {
        byte[] expected = Hex.Decode(output);

        Assert.That(Hex.Encode(Rlp.Encode(ToItem(input))), Is.EqualTo(Hex.Encode(expected)), name);
    }

    [TestCaseSource(nameof(ValidCases))]
    public void Decode_PublishedVector_ReencodesToTheSameBytes(string name, JsonElement input, string output)
    {
        byte[] encoded = Hex.Decode(output);

        RlpItem decoded = Rlp.Decode(encoded);

        Assert.That(Rlp.Encode(decoded), Is.EqualTo(encoded), name);
        Assert.That(decoded.ToString(), Is.EqualTo(ToItem(input).ToString()), name);
    }

    [TestCaseSource(nameof(InvalidCases))]
    public void Decode_PublishedInvalidVector_ThrowsRlpDecodingException(string name, JsonElement input, string output)
    {
        byte[] encoded = Hex.Decode(output);

        Assert.Throws<RlpDecodingException>(() => DecodeDeep(Rlp.Decode(encoded)), name);
    }

    private static IEnumerable<TestCaseData> Load(string file, string prefix)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Vector(file)));
        foreach (JsonProperty test in document.RootElement.EnumerateObject())
        {
            yield return new TestCaseData(test.Name, test.Value.GetProperty("in").Clone(), test.Value.GetProperty("out").GetString())
                .SetName($"{prefix}_{test.Name}");
        }
    }

    // Decoding is eager, so this only makes the test independent of that choice.
    private static void DecodeDeep(RlpItem item)
    {
        if (item.IsList)
        {
            foreach (RlpItem child in item.Items)
            {
                DecodeDeep(child);
            }
        }
    }

    private static RlpItem ToItem(JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.Number:
                return RlpItem.FromUInt(BigInteger.Parse(input.GetRawText()));
            case JsonValueKind.String:
                string text = input.GetString()!;
                return text.StartsWith('#')
                    ? RlpItem.FromUInt(BigInteger.Parse(text[1..]))
                    : RlpItem.FromBytes(System.Text.Encoding.UTF8.GetBytes(text));
            case JsonValueKind.Array:
                var items = new List<RlpItem>();
                foreach (JsonElement child in input.EnumerateArray())
                {
                    items.Add(ToItem(child));
                }

                return RlpItem.List([.. items]);
            default:
                throw new InvalidOperationException($"Unexpected vector input {input.ValueKind}.");
        }
    }
}
