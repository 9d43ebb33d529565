using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Messages;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Tests.Messages;

public sealed class PersonalMessageTests
{
    private const string HardhatKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    // ethers' documented example: hashMessage("Hello World").
    [Test]
    public void Hash_HelloWorld_MatchesEthersDocumentedHash()
    {
        Assert.That(
            Hex.Encode(PersonalMessage.Hash("Hello World")),
            Is.EqualTo("0xa1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2"));
    }

    [Test]
    public void Hash_StringAndItsUtf8Bytes_AreEqual()
    {
        const string Text = "héllo — ✓";

        Assert.That(PersonalMessage.Hash(System.Text.Encoding.UTF8.GetBytes(Text)), Is.EqualTo(PersonalMessage.Hash(Text)));
    }

    [Test]
    public void Hash_LengthPrefixIsDecimalByteCount()
    {
        // 10 bytes: the prefix must be "10", not "a" or a char count.
        byte[] expected = OpenGradient.Ethereum.Hashing.Keccak256.Hash("\u0019Ethereum Signed Message:\n100123456789");

        Assert.That(PersonalMessage.Hash("0123456789"), Is.EqualTo(expected));
    }

    [Test]
    public void Sign_ThenRecover_ReturnsSigner()
    {
        EthKey key = EthKey.Parse(HardhatKey0);

        EthSignature signature = PersonalMessage.Sign(key, "I agree to the terms");

        Assert.That(PersonalMessage.RecoverAddress("I agree to the terms", signature), Is.EqualTo(key.Address));
        Assert.That(PersonalMessage.RecoverAddress("I agree to other terms", signature), Is.Not.EqualTo(key.Address));
    }

    [Test]
    public void Sign_RawBytes_MatchesSigningTheirHash()
    {
        EthKey key = EthKey.Parse(HardhatKey0);
        byte[] message = [0x00, 0x01, 0xff];

        Assert.That(PersonalMessage.Sign(key, message), Is.EqualTo(key.Sign(PersonalMessage.Hash(message))));
        Assert.That(PersonalMessage.RecoverAddress(message, PersonalMessage.Sign(key, message)), Is.EqualTo(key.Address));
    }
}
