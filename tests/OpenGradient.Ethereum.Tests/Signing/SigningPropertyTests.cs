using CsCheck;
using NUnit.Framework;
using OpenGradient.Ethereum.Messages;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Tests.Signing;

/// <summary>Properties of keys and signatures, checked by CsCheck with shrinking.</summary>
public sealed class SigningPropertyTests
{
    // 32 random bytes, with the top byte kept below 0xff so the value is almost always below n;
    // the rare invalid draw (zero) is filtered.
    internal static readonly Gen<EthKey> Key = Gen.Byte.Array[32]
        .Where(b => b[0] != 0xFF && Array.Exists(b, x => x != 0))
        .Select(b => EthKey.FromPrivateKey(b));

    [Test]
    public void Recover_OfSign_ReturnsSignerForAnyKeyAndHash()
    {
        Gen.Select(Key, Gen.Byte.Array[32]).Sample((key, hash) =>
        {
            EthSignature signature = key.Sign(hash);

            Assert.That(signature.RecoverAddress(hash), Is.EqualTo(key.Address));
            Assert.That(signature.S[0], Is.LessThanOrEqualTo(0x7F), "low s");
        }, iter: 300);
    }

    [Test]
    public void SignatureForms_RoundTripForAnySignature()
    {
        Gen.Select(Key, Gen.Byte.Array[32]).Sample((key, hash) =>
        {
            EthSignature signature = key.Sign(hash);

            Assert.That(EthSignature.FromBytes(signature.ToBytes()), Is.EqualTo(signature));
            Assert.That(EthSignature.FromCompactBytes(signature.ToCompactBytes()), Is.EqualTo(signature));
            Assert.That(EthSignature.Parse(signature.ToString()), Is.EqualTo(signature));
        }, iter: 200);
    }

    [Test]
    public void PersonalMessage_RecoverOfSign_ReturnsSignerForAnyMessage()
    {
        Gen.Select(Key, Gen.Byte.Array[0, 300]).Sample((key, message) =>
            Assert.That(PersonalMessage.RecoverAddress(message, PersonalMessage.Sign(key, message)), Is.EqualTo(key.Address)), iter: 200);
    }
}
