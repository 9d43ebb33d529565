using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Tests.Encoding;

public sealed class RlpTests
{
    [TestCase(0UL, "0x80")]
    [TestCase(1UL, "0x01")]
    [TestCase(0x7FUL, "0x7f")]
    [TestCase(0x80UL, "0x8180")]
    [TestCase(0x400UL, "0x820400")]
    [TestCase(ulong.MaxValue, "0x88ffffffffffffffff")]
    public void EncodeUInt_Value_IsMinimalBigEndian(ulong value, string expected)
    {
        Assert.That(Hex.Encode(Rlp.EncodeUInt(value)), Is.EqualTo(expected));
        Assert.That(Hex.Encode(Rlp.EncodeUInt(new BigInteger(value))), Is.EqualTo(expected));
        Assert.That(Rlp.Decode(Rlp.EncodeUInt(value)).ToUInt64(), Is.EqualTo(value));
    }

    [Test]
    public void EncodeUInt_NegativeBigInteger_ThrowsRlpEncodingException()
    {
        Assert.Throws<RlpEncodingException>(() => Rlp.EncodeUInt(BigInteger.MinusOne));
    }

    [TestCase("0x820001")]
    [TestCase("0x00")]
    public void ToUInt64_LeadingZeroByte_ThrowsRlpDecodingException(string encoded)
    {
        Assert.Throws<RlpDecodingException>(() => Rlp.Decode(Hex.Decode(encoded)).ToUInt64());
    }

    [Test]
    public void ToUInt64_NineBytes_ThrowsRlpDecodingException()
    {
        Assert.Throws<RlpDecodingException>(() => Rlp.Decode(Hex.Decode("0x89010000000000000000")).ToUInt64());
    }

    [Test]
    public void ToBigInteger_ThirtyThreeBytes_ThrowsRlpDecodingException()
    {
        byte[] encoded = Rlp.EncodeUInt(BigInteger.One << 256);

        Assert.Throws<RlpDecodingException>(() => Rlp.Decode(encoded).ToBigInteger());
    }

    [Test]
    public void Items_OnByteString_ThrowsRlpDecodingException()
    {
        RlpItem item = Rlp.Decode(Hex.Decode("0x83646f67"));

        Assert.Throws<RlpDecodingException>(() => _ = item.Items);
        Assert.That(item.Bytes.ToArray(), Is.EqualTo("dog"u8.ToArray()));
    }

    [Test]
    public void ToAddress_WrongLength_ThrowsRlpDecodingException()
    {
        Assert.Throws<RlpDecodingException>(() => Rlp.Decode(Rlp.EncodeBytes(new byte[19])).ToAddress());
        Assert.That(Rlp.Decode(Rlp.EncodeBytes(new byte[20])).ToAddress().IsZero, Is.True);
    }

    [Test]
    public void Writer_TransactionLikeList_EqualsItemEncoding()
    {
        byte[] to = new byte[20];
        to[19] = 0x42;
        byte[] data = new byte[100];
        int payload = Rlp.GetUIntLength(9UL) + Rlp.GetUIntLength(new BigInteger(20_000_000_000)) + Rlp.GetBytesLength(to) + Rlp.GetBytesLength(data);
        byte[] buffer = new byte[Rlp.GetListLength(payload)];

        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(payload);
        writer.WriteUInt(9UL);
        writer.WriteUInt(new BigInteger(20_000_000_000));
        writer.WriteBytes(to);
        writer.WriteBytes(data);

        byte[] expected = Rlp.Encode(RlpItem.List(RlpItem.FromUInt(9UL), RlpItem.FromUInt(new BigInteger(20_000_000_000)), RlpItem.FromBytes(to), RlpItem.FromBytes(data)));
        Assert.That(writer.Position, Is.EqualTo(buffer.Length));
        Assert.That(buffer, Is.EqualTo(expected));
    }

    [Test]
    public void Writer_BufferTooSmall_ThrowsRlpEncodingException()
    {
        byte[] buffer = new byte[3];

        Assert.Throws<RlpEncodingException>(() => new RlpWriter(buffer).WriteBytes(new byte[3]));
    }

    [Test]
    public void ReadHeader_LongList_ReportsPayloadWithoutDecodingChildren()
    {
        byte[] encoded = Rlp.EncodeList(Rlp.EncodeBytes(new byte[60]));

        (bool isList, int offset, int length) = Rlp.ReadHeader(encoded, 0);

        Assert.That(isList, Is.True);
        Assert.That(offset, Is.EqualTo(2));
        Assert.That(length, Is.EqualTo(62));
    }

    [Test]
    public void Decode_ListWhoseChildOverrunsIt_ThrowsRlpDecodingException()
    {
        // The list declares 2 payload bytes but its child string declares 3.
        Assert.Throws<RlpDecodingException>(() => Rlp.Decode(Hex.Decode("0xc283616263")));
    }
}
