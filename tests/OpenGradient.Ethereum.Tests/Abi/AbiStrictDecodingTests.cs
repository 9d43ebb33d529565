using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Tests.Abi;

public sealed class AbiStrictDecodingTests
{
    private const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";

    private static string Word(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    [TestCase("uint8", "0000000000000000000000000000000000000000000000000000000000000100")]
    [TestCase("int8", "0000000000000000000000000000000000000000000000000000000000000080")]
    [TestCase("int8", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [TestCase("bool", "0000000000000000000000000000000000000000000000000000000000000002")]
    [TestCase("address", "0000000000000000000000010000000000000000000000000000000000000000")]
    [TestCase("bytes4", "1234567800000000000000000000000000000000000000000000000000000001")]
    public void Decode_WordOutsideTheType_ThrowsAbiDecodingException(string type, string word)
    {
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(type, Hex.Decode(word)));
    }

    [TestCase("int8", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80", -128)]
    [TestCase("int8", "000000000000000000000000000000000000000000000000000000000000007f", 127)]
    [TestCase("int64", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", -1)]
    [TestCase("uint64", "000000000000000000000000000000000000000000000000ffffffffffffffff", -1)]
    public void Decode_BoundaryIntegers_DecodeExactly(string type, string word, long expected)
    {
        BigInteger value = (BigInteger)AbiDecoder.Decode(type, Hex.Decode(word))[0]!;

        BigInteger want = type == "uint64" ? ulong.MaxValue : expected;
        Assert.That(value, Is.EqualTo(want));
    }

    [Test]
    public void Decode_TruncatedInput_ThrowsAbiDecodingException()
    {
        byte[] data = AbiEncoder.Encode("uint256, string", 1, "hello");

        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode("uint256, string", data.AsSpan(0, data.Length - 1)));
    }

    [Test]
    public void Decode_TrailingBytes_ThrowsAbiDecodingException()
    {
        byte[] data = [.. AbiEncoder.Encode("uint256", 1), 0];

        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode("uint256", data));

        Assert.That(e!.Message, Does.Contain("trailing"));
    }

    [Test]
    public void Decode_NonZeroBytesPadding_ThrowsAbiDecodingException()
    {
        byte[] data = Hex.Decode(Word(0x20) + Word(1) + "ab01" + Zero[4..]);

        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode("bytes", data));
    }

    [Test]
    public void Decode_OffsetNotWhereTheEncoderPutsIt_ThrowsAbiDecodingException()
    {
        // A valid encoding of (bytes, bytes) with the second offset pointing back at the first value.
        byte[] data = Hex.Decode(Word(0x40) + Word(0x40) + Word(1) + "ab" + Zero[2..]);

        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode("bytes, bytes", data));
    }

    [Test]
    public void Decode_HugeArrayLength_ThrowsAbiDecodingExceptionWithoutAllocating()
    {
        byte[] data = Hex.Decode(Word(0x20) + Word(int.MaxValue));

        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode("uint256[][]", data));

        Assert.That(e!.Message, Does.Contain("declares 2147483647 elements"));
    }

    [Test]
    public void Decode_OffsetBeyondInt_ThrowsAbiDecodingException()
    {
        byte[] data = Hex.Decode("ff" + Zero[2..]);

        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode("bytes", data));
    }

    [Test]
    public void Decode_InvalidUtf8String_ThrowsAbiDecodingException()
    {
        byte[] data = Hex.Decode(Word(0x20) + Word(1) + "ff" + Zero[2..]);

        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode("string", data));
    }

    [Test]
    public void Decode_BadValueDeepInsideTensorList_ReportsThePathOfTheElement()
    {
        var job = AbiType.Parse("((uint256 id, (string name, uint8 elementType, uint32[] shape)[] inputs) job)");
        object?[] tensors =
        [
            new object?[] { "a", 0, new[] { 1 } },
            new object?[] { "b", 1, new[] { 2 } },
            new object?[] { "c", 2, new[] { 3, 4 } },
        ];
        byte[] data = AbiEncoder.Encode(job, [new object?[] { 7, tensors }]);

        // The last word is the second dimension of inputs[2].shape; make it overflow uint32.
        data[^5] = 1;
        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(job, data));

        Assert.That(e!.Path, Is.EqualTo("job.inputs[2].shape[1]"));
        Assert.That(e.Message, Does.StartWith("ABI decoding failed at job.inputs[2].shape[1]: value does not fit uint32"));
    }

    [TestCase("uint8", 256)]
    [TestCase("uint8", -1)]
    [TestCase("int8", 128)]
    [TestCase("int8", -129)]
    public void Encode_IntegerOutOfRange_ThrowsAbiEncodingException(string type, int value)
    {
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(type, value));
    }

    [Test]
    public void Encode_WrongValueType_ThrowsAbiEncodingExceptionNamingThePath()
    {
        var type = AbiType.Parse("(address owner, (uint256 a, bool b)[] items)");

        var e = Assert.Throws<AbiEncodingException>(() =>
            AbiEncoder.Encode(type, [OpenGradient.Ethereum.Primitives.Address.Zero, new object?[] { new object?[] { 1, true }, new object?[] { 2, "yes" } }]));

        Assert.That(e!.Path, Is.EqualTo("items[1].b"));
    }

    [TestCase("bytes4", 3)]
    [TestCase("bytes4", 5)]
    public void Encode_FixedBytesOfWrongLength_ThrowsAbiEncodingException(string type, int length)
    {
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode(type, new byte[length]));
    }

    [Test]
    public void Encode_FixedArrayOfWrongLength_ThrowsAbiEncodingException()
    {
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode("uint8[3]", new[] { 1, 2 }));
    }

    [Test]
    public void Encode_WrongNumberOfValues_ThrowsAbiEncodingException()
    {
        Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode("uint8, uint8", 1));
    }

    [Test]
    public void Encode_CSharpTupleForTuple_EncodesLikeAList()
    {
        byte[] fromTuple = AbiEncoder.Encode("(uint8,string)", (5, "x"));
        byte[] fromList = AbiEncoder.Encode("(uint8,string)", new object[] { new object[] { 5, "x" } });

        Assert.That(fromTuple, Is.EqualTo(fromList));
    }

    [Test]
    public void Encode_DecodedAbiValues_ReencodeToTheSameCallData()
    {
        var f = AbiFunction.Parse("f(uint256 a, (string s, bytes32 b) t)");
        byte[] call = f.EncodeCall(1, new object[] { "x", new byte[32] });
        AbiValues values = f.DecodeCall(call);

        Assert.That(AbiEncoder.Encode(f.Inputs, values), Is.EqualTo(call.AsSpan(4).ToArray()));
    }

    [Test]
    public void Encode_IntoSpan_WritesSameBytesAsArrayOverload()
    {
        var parameters = AbiFunction.Parse("f(uint256 a, string b)").Inputs;
        object?[] values = [BigInteger.Pow(2, 200), "hello"];
        byte[] expected = AbiEncoder.Encode(parameters, values);
        byte[] buffer = new byte[expected.Length + 10];

        int written = AbiEncoder.Encode(parameters, values, buffer);

        Assert.That(written, Is.EqualTo(expected.Length));
        Assert.That(buffer.AsSpan(0, written).ToArray(), Is.EqualTo(expected));
    }
}
