using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Numerics;

namespace OpenGradient.Ethereum.Tests.Numerics;

public sealed class EvmIntegerTests
{
    [Test]
    public void ToSignedWord_MinusOne_IsAllOnes()
    {
        Assert.That(Hex.Encode(EvmInteger.ToSignedWord(BigInteger.MinusOne)), Is.EqualTo("0x" + new string('f', 64)));
        Assert.That(EvmInteger.ReadSigned(EvmInteger.ToSignedWord(BigInteger.MinusOne)), Is.EqualTo(BigInteger.MinusOne));
    }

    [Test]
    public void Int256Min_RoundTripsAsTwosComplement()
    {
        byte[] word = EvmInteger.ToSignedWord(EvmInteger.Int256Min);

        Assert.That(Hex.Encode(word), Is.EqualTo("0x8" + new string('0', 63)));
        Assert.That(EvmInteger.ReadSigned(word), Is.EqualTo(EvmInteger.Int256Min));
        Assert.That(EvmInteger.ReadUnsigned(word), Is.EqualTo(BigInteger.One << 255));
    }

    [Test]
    public void UInt256Max_RoundTrips()
    {
        byte[] word = EvmInteger.ToUnsignedWord(EvmInteger.UInt256Max);

        Assert.That(Hex.Encode(word), Is.EqualTo("0x" + new string('f', 64)));
        Assert.That(EvmInteger.ReadUnsigned(word), Is.EqualTo(EvmInteger.UInt256Max));
    }

    [Test]
    public void WriteUnsigned_NegativeOrTooLarge_ThrowsIntegerRangeException()
    {
        byte[] word = new byte[32];

        Assert.Throws<IntegerRangeException>(() => EvmInteger.WriteUnsigned(BigInteger.MinusOne, word));
        Assert.Throws<IntegerRangeException>(() => EvmInteger.WriteUnsigned(BigInteger.One << 256, word));
        Assert.Throws<IntegerRangeException>(() => EvmInteger.WriteUnsigned(256, word, bits: 8));
    }

    [Test]
    public void WriteSigned_OutsideIntN_ThrowsIntegerRangeException()
    {
        byte[] word = new byte[32];

        Assert.Throws<IntegerRangeException>(() => EvmInteger.WriteSigned(EvmInteger.Int256Max + 1, word));
        Assert.Throws<IntegerRangeException>(() => EvmInteger.WriteSigned(-129, word, bits: 8));
        Assert.DoesNotThrow(() => EvmInteger.WriteSigned(-128, word, bits: 8));
    }

    [TestCase(8)]
    [TestCase(64)]
    [TestCase(128)]
    [TestCase(256)]
    public void Bounds_ForWidth_MatchPowersOfTwo(int bits)
    {
        Assert.That(EvmInteger.MaxUnsigned(bits), Is.EqualTo((BigInteger.One << bits) - 1));
        Assert.That(EvmInteger.MaxSigned(bits), Is.EqualTo((BigInteger.One << (bits - 1)) - 1));
        Assert.That(EvmInteger.MinSigned(bits), Is.EqualTo(-(BigInteger.One << (bits - 1))));
        Assert.That(EvmInteger.FitsUnsigned(EvmInteger.MaxUnsigned(bits) + 1, bits), Is.False);
        Assert.That(EvmInteger.FitsSigned(EvmInteger.MinSigned(bits) - 1, bits), Is.False);
    }

    [TestCase(0)]
    [TestCase(7)]
    [TestCase(264)]
    public void MaxUnsigned_InvalidWidth_ThrowsArgumentOutOfRangeException(int bits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EvmInteger.MaxUnsigned(bits));
    }

    [Test]
    public void ToUnsignedBits_NegativeValue_IsItsTwosComplementPattern()
    {
        Assert.That(EvmInteger.ToUnsignedBits(-1), Is.EqualTo(EvmInteger.UInt256Max));
        Assert.That(EvmInteger.ToUnsignedBits(5), Is.EqualTo(new BigInteger(5)));
    }

    [Test]
    public void ReadSigned_WrongLength_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EvmInteger.ReadSigned(new byte[31]));
    }
}
