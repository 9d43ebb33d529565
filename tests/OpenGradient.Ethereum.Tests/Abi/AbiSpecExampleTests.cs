using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;

namespace OpenGradient.Ethereum.Tests.Abi;

/// <summary>The worked examples of the Solidity "Contract ABI Specification".</summary>
public sealed class AbiSpecExampleTests
{
    [Test]
    public void EncodeCall_Baz_MatchesSpecification()
    {
        var baz = AbiFunction.Parse("function baz(uint32 x, bool y) returns (bool r)");

        byte[] call = baz.EncodeCall(69, true);

        Assert.That(baz.SelectorHex, Is.EqualTo("0xcdcd77c0"));
        Assert.That(Hex.Encode(call), Is.EqualTo("0xcdcd77c0"
            + "0000000000000000000000000000000000000000000000000000000000000045"
            + "0000000000000000000000000000000000000000000000000000000000000001"));
    }

    [Test]
    public void EncodeCall_Bar_MatchesSpecification()
    {
        var bar = AbiFunction.Parse("function bar(bytes3[2])");

        byte[] call = bar.EncodeCall((object)new object[] { "abc"u8.ToArray(), "def"u8.ToArray() });

        Assert.That(Hex.Encode(call), Is.EqualTo("0xfce353f6"
            + "6162630000000000000000000000000000000000000000000000000000000000"
            + "6465660000000000000000000000000000000000000000000000000000000000"));
    }

    [Test]
    public void EncodeCall_Sam_MatchesSpecification()
    {
        var sam = AbiFunction.Parse("function sam(bytes, bool, uint[])");
        string expected = "0xa5643bf2"
            + "0000000000000000000000000000000000000000000000000000000000000060"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6461766500000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000003";

        byte[] call = sam.EncodeCall("dave"u8.ToArray(), true, new BigInteger[] { 1, 2, 3 });
        AbiValues decoded = sam.DecodeCall(call);

        Assert.That(sam.Signature, Is.EqualTo("sam(bytes,bool,uint256[])"));
        Assert.That(Hex.Encode(call), Is.EqualTo(expected));
        Assert.That(decoded[0], Is.EqualTo("dave"u8.ToArray()));
        Assert.That(decoded[1], Is.True);
        Assert.That(decoded[2], Is.EqualTo(new object[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }));
    }

    [Test]
    public void EncodeCall_F_MatchesSpecification()
    {
        var f = AbiFunction.Parse("f(uint256,uint32[],bytes10,bytes)");
        string expected = "0x8be65246"
            + "0000000000000000000000000000000000000000000000000000000000000123"
            + "0000000000000000000000000000000000000000000000000000000000000080"
            + "3132333435363738393000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000e0"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000456"
            + "0000000000000000000000000000000000000000000000000000000000000789"
            + "000000000000000000000000000000000000000000000000000000000000000d"
            + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000";

        byte[] call = f.EncodeCall(0x123, new[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), "Hello, world!"u8.ToArray());
        AbiValues decoded = f.DecodeCall(call);

        Assert.That(Hex.Encode(call), Is.EqualTo(expected));
        Assert.That(decoded[0], Is.EqualTo(new BigInteger(0x123)));
        Assert.That(decoded[1], Is.EqualTo(new object[] { new BigInteger(0x456), new BigInteger(0x789) }));
        Assert.That(decoded[2], Is.EqualTo("1234567890"u8.ToArray()));
        Assert.That(decoded[3], Is.EqualTo("Hello, world!"u8.ToArray()));
    }

    [Test]
    public void EncodeCall_G_MatchesSpecification()
    {
        var g = AbiFunction.Parse("g(uint256[][],string[])");
        string expected = "0x2289b18c"
            + "0000000000000000000000000000000000000000000000000000000000000040"
            + "0000000000000000000000000000000000000000000000000000000000000140"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000040"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000060"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "00000000000000000000000000000000000000000000000000000000000000e0"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "6f6e650000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "74776f0000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000005"
            + "7468726565000000000000000000000000000000000000000000000000000000";

        byte[] call = g.EncodeCall(new object[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });
        AbiValues decoded = g.DecodeCall(call);

        Assert.That(Hex.Encode(call), Is.EqualTo(expected));
        Assert.That(decoded[1], Is.EqualTo(new object[] { "one", "two", "three" }));
        Assert.That(decoded[0], Is.EqualTo(new object[]
        {
            new object[] { new BigInteger(1), new BigInteger(2) },
            new object[] { new BigInteger(3) },
        }));
    }
}
