using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Tests.Signing;

public sealed class EthKeyTests
{
    // The public Hardhat / Anvil development accounts.
    [TestCase("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [TestCase("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")]
    [TestCase("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC")]
    public void Address_HardhatDevKey_MatchesPublishedAddress(string privateKey, string address)
    {
        EthKey key = EthKey.Parse(privateKey);

        Assert.That(key.Address.ToString(), Is.EqualTo(address));
    }

    [Test]
    public void PublicKey_KeyOne_IsTheGenerator()
    {
        byte[] one = new byte[32];
        one[31] = 1;

        EthKey key = EthKey.FromPrivateKey(one);

        Assert.That(
            Hex.Encode(key.PublicKey),
            Is.EqualTo("0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"));
    }

    [Test]
    public void ExportPrivateKey_RoundTrips()
    {
        const string Hex64 = "0x0000000000000000000000000000000000000000000000000000000000000abc";

        EthKey key = EthKey.Parse(Hex64);

        Assert.That(Hex.Encode(key.ExportPrivateKey()), Is.EqualTo(Hex64));
    }

    [Test]
    public void Generate_TwoKeys_AreDistinctAndValid()
    {
        EthKey a = EthKey.Generate();
        EthKey b = EthKey.Generate();

        Assert.That(a.Address, Is.Not.EqualTo(b.Address));
        Assert.That(EthKey.FromPrivateKey(a.ExportPrivateKey()).Address, Is.EqualTo(a.Address));
    }

    [TestCase("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [TestCase("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Parse_OutOfRangeKey_ThrowsPrivateKeyException(string privateKey)
    {
        var ex = Assert.Throws<PrivateKeyException>(() => EthKey.Parse(privateKey));

        Assert.That(ex!.Message, Does.Contain("[1, n − 1]"));
    }

    [Test]
    public void Parse_LargestValidKey_Succeeds()
    {
        EthKey key = EthKey.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");

        // n − 1 is −1, whose public key is −G: same x as G, y negated.
        Assert.That(Hex.Encode(key.PublicKey[..32]), Is.EqualTo("0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"));
    }

    [TestCase("0x01")]
    [TestCase("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff8000")]
    public void Parse_WrongLength_ThrowsPrivateKeyException(string privateKey)
    {
        var ex = Assert.Throws<PrivateKeyException>(() => EthKey.Parse(privateKey));

        Assert.That(ex!.Message, Does.Contain("32 bytes"));
    }

    [Test]
    public void Parse_NotHex_ThrowsPrivateKeyException()
    {
        Assert.Throws<PrivateKeyException>(() => EthKey.Parse("0xzz0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    }

    [Test]
    public void ToString_DoesNotRevealThePrivateKey()
    {
        EthKey key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

        Assert.That(key.ToString(), Is.EqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    }
}
