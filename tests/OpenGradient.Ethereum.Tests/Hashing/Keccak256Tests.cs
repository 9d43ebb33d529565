using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;

namespace OpenGradient.Ethereum.Tests.Hashing;

public sealed class Keccak256Tests
{
    [TestCase("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [TestCase("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Hash_KnownInput_MatchesPublishedDigest(string input, string expected)
    {
        Assert.That(Hex.Encode(Keccak256.Hash(input)), Is.EqualTo(expected));
    }
}
