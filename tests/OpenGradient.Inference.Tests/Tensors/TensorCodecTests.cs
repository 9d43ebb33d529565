using System.Buffers.Binary;
using System.Text;
using CsCheck;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Inference.Tensors;
using OpenGradient.Inference.Tests.Support;

namespace OpenGradient.Inference.Tests.Tensors;

public sealed class TensorCodecTests
{
    // Layout of Vector(): one Fixed tensor "x", decimals 6, shape [1,3], values [1500000, -2, 0].
    private const int TupleStart = 96;
    private const int ElementTypeAt = TupleStart + 32;
    private const int DecimalsAt = TupleStart + 64;
    private const int ShapeOffsetAt = TupleStart + 96;
    private const int NameLengthAt = TupleStart + 160;
    private const int NameAt = TupleStart + 192;
    private const int ShapeLengthAt = TupleStart + 224;
    private const int Dim0At = TupleStart + 256;
    private const int Dim1At = TupleStart + 288;
    private const int Value0At = TupleStart + 352;

    [Test]
    public void Encode_EmptyList_IsOffsetThenZeroLength()
    {
        var encoded = TensorList.Empty.Encode();

        Assert.That(Hex.Encode(encoded), Is.EqualTo("0x" + Word(0x20) + Word(0)));
    }

    [Test]
    public void Encode_OneFixedVector_HasTheCanonicalAbiLayout()
    {
        var encoded = Vector();

        Assert.That(encoded, Has.Length.EqualTo(TupleStart + 448));
        Assert.That(WordAt(encoded, 0), Is.EqualTo(0x20));
        Assert.That(WordAt(encoded, 32), Is.EqualTo(1));
        Assert.That(WordAt(encoded, 64), Is.EqualTo(32));
        Assert.That(WordAt(encoded, TupleStart), Is.EqualTo(160));
        Assert.That(WordAt(encoded, DecimalsAt), Is.EqualTo(6));
        Assert.That(WordAt(encoded, ShapeOffsetAt), Is.EqualTo(224));
        Assert.That(WordAt(encoded, NameLengthAt), Is.EqualTo(1));
        Assert.That(encoded[NameAt], Is.EqualTo((byte)'x'));
        Assert.That(WordAt(encoded, ShapeLengthAt), Is.EqualTo(2));
        Assert.That(WordAt(encoded, Dim1At), Is.EqualTo(3));
        Assert.That(WordAt(encoded, Value0At), Is.EqualTo(1_500_000));
        Assert.That(encoded.AsSpan(Value0At + 32, 32).ToArray(), Is.All.EqualTo((byte)0xFF).Or.EqualTo((byte)0xFE));
    }

    [Test]
    public void Decode_CanonicalVector_RoundTrips()
    {
        var list = TensorList.Decode(Vector());

        Assert.That(list, Has.Count.EqualTo(1));
        Assert.That(list[0].Name, Is.EqualTo("x"));
        Assert.That(list[0].Values.ToArray(), Is.EqualTo(new Int128[] { 1_500_000, -2, 0 }));
        Assert.That(list.Encode(), Is.EqualTo(Vector()));
    }

    [Test]
    public void EncodeDecode_RandomLists_RoundTripToEqualTensorsAndBytes()
    {
        Gen.ULong.Sample(seed =>
        {
            var list = TensorGenerator.List(seed);
            var encoded = list.Encode();
            var decoded = TensorList.Decode(encoded);
            return decoded.Equals(list) && decoded.Encode().AsSpan().SequenceEqual(encoded);
        }, iter: 2000);
    }

    [Test]
    public void Decode_EveryTruncationOfARandomList_ThrowsTensorCodecException()
    {
        var encoded = TensorGenerator.List(12345).Encode();
        for (var length = 0; length < encoded.Length; length++)
        {
            Assert.That(() => TensorList.Decode(encoded.AsSpan(0, length)), Throws.TypeOf<TensorCodecException>(), $"length {length}");
        }
    }

    private static IEnumerable<TestCaseData> InvalidEncodings()
    {
        TestCaseData Case(string name, TensorCodecError error, Func<byte[], byte[]> mutate) =>
            new TestCaseData(mutate, error).SetName("Decode_" + name + "_Throws" + error);

        yield return Case("ListOffset0x40", TensorCodecError.NonCanonicalOffset, b => Set(b, 0, 0x40));
        yield return Case("TensorOffsetPastCanonical", TensorCodecError.NonCanonicalOffset, b => Set(b, 64, 64));
        yield return Case("ShapeOffsetNonCanonical", TensorCodecError.NonCanonicalOffset, b => Set(b, ShapeOffsetAt, 256));
        yield return Case("TrailingWord", TensorCodecError.TrailingBytes, b => [.. b, .. new byte[32]]);
        yield return Case("TrailingByte", TensorCodecError.TrailingBytes, b => [.. b, 0]);
        yield return Case("LastWordCut", TensorCodecError.Truncated, b => b[..^32]);
        yield return Case("HugeTensorCount", TensorCodecError.Truncated, b => Set(b, 32, 1L << 40));
        yield return Case("HugeValuesLength", TensorCodecError.Truncated, b => Set(b, Value0At - 32, 1L << 40));
        yield return Case("Decimals19", TensorCodecError.InvalidDecimals, b => Set(b, DecimalsAt, 19));
        yield return Case("ElementType3", TensorCodecError.InvalidElementType, b => Set(b, ElementTypeAt, 3));
        yield return Case("IntWithDecimals", TensorCodecError.InvalidDecimals, b => Set(b, ElementTypeAt, 1));
        yield return Case("BoolValue2", TensorCodecError.InvalidBool, b => Set(Set(Set(Set(b, ElementTypeAt, 2), DecimalsAt, 0), Value0At, 2), Value0At + 32, 0));
        yield return Case("ZeroDimension", TensorCodecError.InvalidShape, b => Set(b, Dim0At, 0));
        yield return Case("ValuesFewerThanShape", TensorCodecError.InvalidShape, b => Set(b, Dim1At, 4));
        yield return Case("DimensionAboveUint32", TensorCodecError.NonCanonicalWord, b => Set(b, Dim0At, 1L << 33));
        yield return Case("FixedValue2Pow127", TensorCodecError.ValueOutOfRange, b => SetBytes(b, Value0At, Hex.Decode("0x" + new string('0', 32) + "80" + new string('0', 30))));
        yield return Case("FixedValueMinus2Pow127", TensorCodecError.ValueOutOfRange, b => SetBytes(b, Value0At, Hex.Decode("0x" + new string('f', 32) + "80" + new string('0', 30))));
        yield return Case("ValueBeyondInt128", TensorCodecError.ValueOutOfRange, b => SetBytes(b, Value0At, Hex.Decode("0x01" + new string('0', 62))));
        yield return Case("DirtyNamePadding", TensorCodecError.NonCanonicalWord, b => SetBytes(b, NameAt + 1, [0x41]));
        yield return Case("HighBytesInUint8Word", TensorCodecError.NonCanonicalWord, b => SetBytes(b, ElementTypeAt, [0x01]));
        yield return Case("EmptyName", TensorCodecError.InvalidName, b => Set(b, NameLengthAt, 0));
        yield return Case("InvalidUtf8Name", TensorCodecError.InvalidName, b => SetBytes(b, NameAt, [0xFF]));
        yield return Case("DuplicateNames", TensorCodecError.DuplicateName, _ => TwoTensorsNamed("x", "x"));
    }

    [TestCaseSource(nameof(InvalidEncodings))]
    public void Decode_InvalidEncoding_ThrowsTensorCodecExceptionNamingTheRule(Func<byte[], byte[]> mutate, TensorCodecError expected)
    {
        var bytes = mutate(Vector());

        var e = Assert.Throws<TensorCodecException>(() => TensorList.Decode(bytes));

        Assert.That(e!.Error, Is.EqualTo(expected), e.Message);
        Assert.That(e.Message, Does.Contain("canonical Tensor[] encoding"));
    }

    [Test]
    public void Decode_BadValue_MessageNamesTheTensor()
    {
        var bytes = Set(Vector(), DecimalsAt, 19);

        var e = Assert.Throws<TensorCodecException>(() => TensorList.Decode(bytes));

        Assert.That(e!.TensorName, Is.EqualTo("x"));
        Assert.That(e.Message, Does.Contain("tensor 'x'"));
    }

    [TestCase("")]
    [TestCase("an-input-name-that-is-far-too-long-to-be-allowed-by-the-protocol-65")]
    public void Constructor_NameOutside1To64Bytes_ThrowsInvalidName(string name)
    {
        var e = Assert.Throws<TensorCodecException>(() => NamedTensor.Int(name, [], [1]));

        Assert.That(e!.Error, Is.EqualTo(TensorCodecError.InvalidName));
    }

    [Test]
    public void Constructor_64ByteUnicodeName_IsAccepted()
    {
        var name = string.Concat(Enumerable.Repeat("温", 21)) + "x"; // 21 × 3 + 1 = 64 bytes

        var tensor = NamedTensor.Int(name, [], [1]);

        Assert.That(Encoding.UTF8.GetByteCount(tensor.Name), Is.EqualTo(64));
        Assert.That(TensorList.Decode(TensorList.Of(tensor).Encode())[0].Name, Is.EqualTo(name));
    }

    [Test]
    public void Constructor_ValuesNotFillingShape_ThrowsInvalidShape()
    {
        var e = Assert.Throws<TensorCodecException>(() => NamedTensor.Fixed("x", 2, [2, 2], [1, 2, 3]));

        Assert.That(e!.Error, Is.EqualTo(TensorCodecError.InvalidShape));
        Assert.That(e.Message, Does.Contain("4 elements but 3 values"));
    }

    [Test]
    public void Constructor_ScalarWithOneValue_IsAccepted()
    {
        var tensor = NamedTensor.Fixed("s", 18, [], [Int128.MaxValue]);

        Assert.That(TensorList.Decode(TensorList.Of(tensor).Encode())[0], Is.EqualTo(tensor));
    }

    [Test]
    public void TensorList_DuplicateNames_ThrowsDuplicateName()
    {
        var e = Assert.Throws<TensorCodecException>(() => TensorList.Of(NamedTensor.Int("a", [], [1]), NamedTensor.Int("a", [], [2])));

        Assert.That(e!.Error, Is.EqualTo(TensorCodecError.DuplicateName));
    }

    [Test]
    public void Constructor_FixedMinusTwoPow127_ThrowsValueOutOfRange()
    {
        var e = Assert.Throws<TensorCodecException>(() => NamedTensor.Fixed("x", 0, [], [Int128.MinValue]));

        Assert.That(e!.Error, Is.EqualTo(TensorCodecError.ValueOutOfRange));
    }

    [Test]
    public void Constructor_IntMinusTwoPow127_IsAccepted()
    {
        var tensor = new NamedTensor("i", TensorElementType.Int, 0, [], [Int128.MinValue]);

        Assert.That(TensorList.Decode(TensorList.Of(tensor).Encode())[0].Values[0], Is.EqualTo(Int128.MinValue));
    }

    private static byte[] Vector() =>
        TensorList.Of(NamedTensor.Fixed("x", 6, [1, 3], [1_500_000, -2, 0])).Encode();

    private static byte[] TwoTensorsNamed(string first, string second)
    {
        var bytes = TensorList.Of(NamedTensor.Int("a", [], [1]), NamedTensor.Int("b", [], [2])).Encode();
        var text = bytes.AsSpan();
        var firstAt = text.IndexOf((byte)'a');
        var secondAt = firstAt + 1 + text[(firstAt + 1)..].IndexOf((byte)'b');
        bytes[firstAt] = (byte)first[0];
        bytes[secondAt] = (byte)second[0];
        return bytes;
    }

    private static byte[] Set(byte[] bytes, int at, long value)
    {
        var copy = bytes.ToArray();
        copy.AsSpan(at, 32).Clear();
        BinaryPrimitives.WriteInt64BigEndian(copy.AsSpan(at + 24), value);
        return copy;
    }

    private static byte[] SetBytes(byte[] bytes, int at, byte[] value)
    {
        var copy = bytes.ToArray();
        value.CopyTo(copy, at);
        return copy;
    }

    private static long WordAt(byte[] bytes, int at) => BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(at + 24, 8));

    private static string Word(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
