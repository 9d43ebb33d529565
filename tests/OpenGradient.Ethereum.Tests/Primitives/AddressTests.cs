using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Tests.Primitives;

public sealed class AddressTests
{
    // The examples of EIP-55 itself.
    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [TestCase("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [TestCase("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [TestCase("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    [TestCase("0x52908400098527886E0F7030069857D2E4169EE7")]
    [TestCase("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [TestCase("0xde709f2102306220921060314715629080e2fb77")]
    [TestCase("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    public void ToString_Eip55Example_RoundTripsToTheChecksummedForm(string checksummed)
    {
        Address address = Address.Parse(checksummed.ToLowerInvariant());

        Assert.That(address.ToString(), Is.EqualTo(checksummed));
        Assert.That(Address.Parse(checksummed), Is.EqualTo(address));
    }

    [Test]
    public void Parse_AllUpperCaseDigits_SkipsTheChecksum()
    {
        Address address = Address.Parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED");

        Assert.That(address.ToString(), Is.EqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    [Test]
    public void Parse_MixedCaseWithWrongChecksum_ThrowsAddressFormatException()
    {
        // One letter's case flipped from the valid checksum 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.
        var e = Assert.Throws<AddressFormatException>(() => Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));

        Assert.That(e!.Message, Does.Contain("EIP-55").And.Contain("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    [TestCase("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x prefix")]
    [TestCase("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea", "40 hex digits")]
    [TestCase("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00", "40 hex digits")]
    [TestCase("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", "'g'")]
    [TestCase("", "0x prefix")]
    public void Parse_MalformedText_ThrowsAddressFormatExceptionSayingWhy(string text, string reason)
    {
        var e = Assert.Throws<AddressFormatException>(() => Address.Parse(text));

        Assert.That(e!.Message, Does.Contain(reason));
        Assert.That(Address.TryParse(text, out _), Is.False);
    }

    [Test]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.That(Address.TryParse((string?)null, out Address address), Is.False);
        Assert.That(address, Is.EqualTo(Address.Zero));
    }

    [Test]
    public void FromPublicKey_GeneratorPoint_GivesTheAddressOfPrivateKeyOne()
    {
        byte[] g = Hex.Decode(
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
        byte[] prefixed = [0x04, .. g];

        Assert.That(Address.FromPublicKey(g).ToString(), Is.EqualTo("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"));
        Assert.That(Address.FromPublicKey(prefixed), Is.EqualTo(Address.FromPublicKey(g)));
    }

    [TestCase(33)]
    [TestCase(63)]
    [TestCase(66)]
    public void FromPublicKey_WrongLength_ThrowsAddressFormatException(int length)
    {
        Assert.Throws<AddressFormatException>(() => Address.FromPublicKey(new byte[length]));
    }

    [Test]
    public void FromPublicKey_65BytesWithoutUncompressedPrefix_ThrowsAddressFormatException()
    {
        Assert.Throws<AddressFormatException>(() => Address.FromPublicKey(new byte[65]));
    }

    [TestCase(0)]
    [TestCase(19)]
    [TestCase(21)]
    [TestCase(32)]
    public void FromBytes_WrongLength_ThrowsAddressFormatException(int length)
    {
        Assert.Throws<AddressFormatException>(() => Address.FromBytes(new byte[length]));
    }

    [Test]
    public void Default_EqualsZeroAndPrintsTwentyZeroBytes()
    {
        Address zero = default;

        Assert.That(zero, Is.EqualTo(Address.Zero));
        Assert.That(zero.IsZero, Is.True);
        Assert.That(zero.ToString(), Is.EqualTo("0x" + new string('0', 40)));
        Assert.That(zero, Is.EqualTo(Address.FromBytes(new byte[20])));
        Assert.That(zero.GetHashCode(), Is.EqualTo(Address.FromBytes(new byte[20]).GetHashCode()));
    }

    [Test]
    public void Equality_SameBytes_AreEqualAndDifferentBytesAreNot()
    {
        var a = Address.Parse("0x27b1fdb04752bbc536007a920d24acb045561c26");
        var b = Address.FromBytes(a.Span);
        var c = Address.Parse("0x27b1fdb04752bbc536007a920d24acb045561c27");

        Assert.That(a == b, Is.True);
        Assert.That(a != c, Is.True);
        Assert.That(a.ToLowerHex(), Is.EqualTo("0x27b1fdb04752bbc536007a920d24acb045561c26"));
        Assert.That(a.ToArray(), Is.EqualTo(Hex.Decode("27b1fdb04752bbc536007a920d24acb045561c26")));
    }
}
