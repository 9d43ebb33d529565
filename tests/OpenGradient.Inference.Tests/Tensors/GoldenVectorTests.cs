using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Inference.Tensors;
using OpenGradient.Testing;

namespace OpenGradient.Inference.Tests.Tensors;

/// <summary>The shared golden vectors of tests/vectors/tensors.json (written by tests/vectors/generate.mjs), both ways.</summary>
public sealed class GoldenVectorTests
{
    private static readonly Lazy<JsonNode> Vectors = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "vectors", "tensors.json")))!);

    [Test]
    public void Vectors_HaveVersion1()
    {
        Assert.That(Vectors.Value["version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [TestCaseSource(nameof(TensorLists))]
    public void Encode_GoldenTensorList_ReproducesTheEncodingByteForByte(string description, JsonNode vector)
    {
        var list = ToList(vector["tensors"]!.AsArray());

        Assert.That(Hex.Encode(list.Encode()), Is.EqualTo(vector["encoded"]!.GetValue<string>().ToLowerInvariant()), description);
    }

    [TestCaseSource(nameof(TensorLists))]
    public void Decode_GoldenEncoding_GivesTheListedTensors(string description, JsonNode vector)
    {
        var decoded = TensorList.Decode(Hex.Decode(vector["encoded"]!.GetValue<string>()));

        Assert.That(decoded, Is.EqualTo(ToList(vector["tensors"]!.AsArray())), description);
    }

    [TestCaseSource(nameof(Quantizations))]
    public void Quantize_GoldenCase_GivesTheListedQ(string float32Bits, int decimals, string q)
    {
        var x = BitConverter.Int32BitsToSingle(unchecked((int)uint.Parse(float32Bits.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

        Assert.That(FixedPoint.Quantize(x, decimals).ToString(CultureInfo.InvariantCulture), Is.EqualTo(q), $"{x:R} at {decimals} decimals");
    }

    [TestCaseSource(nameof(Commitments))]
    public void Commitment_GoldenCase_ReproducesEveryHash(JsonNode vector)
    {
        var modelId = Hex.Decode(vector["modelId"]!.GetValue<string>());
        var input = Hex.Decode(vector["input"]!.GetValue<string>());
        var output = Hex.Decode(vector["output"]!.GetValue<string>());

        Assert.That(Hex.Encode(Commitment.InputHash(input)), Is.EqualTo(vector["inputHash"]!.GetValue<string>().ToLowerInvariant()));
        Assert.That(Hex.Encode(Commitment.OutputHash(output)), Is.EqualTo(vector["outputHash"]!.GetValue<string>().ToLowerInvariant()));
        Assert.That(Hex.Encode(Commitment.Compute(modelId, input, output)), Is.EqualTo(vector["commitment"]!.GetValue<string>().ToLowerInvariant()));
    }

    [TestCaseSource(nameof(InvalidEncodings))]
    public void Decode_GoldenInvalidEncoding_ThrowsTensorCodecException(string description, string encoded)
    {
        var bytes = Hex.Decode(encoded);

        Assert.That(() => TensorList.Decode(bytes), Throws.TypeOf<TensorCodecException>(), description);
    }

    private static IEnumerable<TestCaseData> TensorLists() =>
        Vectors.Value["tensorLists"]!.AsArray().Select(v => new TestCaseData(v!["description"]!.GetValue<string>(), v).SetArgDisplayNames(v["description"]!.GetValue<string>()));

    private static IEnumerable<TestCaseData> Quantizations() =>
        Vectors.Value["quantization"]!.AsArray().Select(v => new TestCaseData(
            v!["float32Bits"]!.GetValue<string>(),
            v["decimals"]!.GetValue<int>(),
            v["q"]!.GetValue<string>()));

    private static IEnumerable<TestCaseData> Commitments() =>
        Vectors.Value["commitments"]!.AsArray().Select((v, i) => new TestCaseData(v).SetArgDisplayNames($"commitment {i}"));

    private static IEnumerable<TestCaseData> InvalidEncodings() =>
        Vectors.Value["invalidEncodings"]!.AsArray().Select(v => new TestCaseData(v!["description"]!.GetValue<string>(), v["encoded"]!.GetValue<string>())
            .SetArgDisplayNames(v["description"]!.GetValue<string>()));

    private static TensorList ToList(JsonArray tensors) =>
        new(tensors.Select(t =>
        {
            var values = t!["values"]!.AsArray().Select(v => (Int128)BigInteger.Parse(v!.GetValue<string>(), CultureInfo.InvariantCulture)).ToArray();
            var shape = t["shape"]!.AsArray().Select(d => d!.GetValue<int>()).ToArray();
            return new NamedTensor(t["name"]!.GetValue<string>(), (TensorElementType)t["elementType"]!.GetValue<int>(), t["decimals"]!.GetValue<int>(), shape, values);
        }));
}
