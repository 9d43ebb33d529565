using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using Org.BouncyCastle.Crypto.Digests;

namespace OpenGradient.Ethereum.Tests.Hashing;

public sealed class Keccak256Tests
{
    // Published Keccak-256 digests (Keccak team's reference values as used by Ethereum clients).
    [TestCase("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [TestCase("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [TestCase("The quick brown fox jumps over the lazy dog", "0x4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    [TestCase("The quick brown fox jumps over the lazy dog.", "0x578951e24efd62a3d63a86f7cd19aaa53c898fe287d2552133220370240b572d")]
    [TestCase("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "0x45d3b367a6904e6e8d502ee04999a7c27647f91fa845d456525fd352ae3d7371")]
    [TestCase(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "0xf519747ed599024f3882238e5ab43960132572b7345fbeb9a90769dafd21ad67")]
    [TestCase("transfer(address,uint256)", "0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Hash_KnownInput_MatchesPublishedDigest(string input, string expected)
    {
        Assert.That(Hex.Encode(Keccak256.Hash(input)), Is.EqualTo(expected));
    }

    [Test]
    public void Hash_OneMillionLetterA_MatchesPublishedDigest()
    {
        byte[] input = new byte[1_000_000];
        input.AsSpan().Fill((byte)'a');

        Assert.That(Hex.Encode(Keccak256.Hash(input)), Is.EqualTo("0xfadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96"));
    }

    // Around the 136-byte rate: the padding lands in the same block, fills it exactly, or spills over.
    [TestCase(135, "0x34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446")]
    [TestCase(136, "0xa6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e")]
    [TestCase(137, "0xd869f639c7046b4929fc92a4d988a8b22c55fbadb802c0c66ebcd484f1915f39")]
    [TestCase(272, "0xcf7fcd4f705ee749930d19ca84561a9bf62516bd90a471545fa2f49fdc7e63c8")]
    public void Hash_LengthAroundRateBoundary_MatchesReferenceDigest(int length, string expected)
    {
        byte[] input = new byte[length];
        input.AsSpan().Fill((byte)'a');

        Assert.That(Hex.Encode(Keccak256.Hash(input)), Is.EqualTo(expected));
    }

    [Test]
    public void Hash_EveryLengthUpTo600_EqualsBouncyCastle()
    {
        var random = new Random(1);
        for (int length = 0; length <= 600; length++)
        {
            byte[] input = new byte[length];
            random.NextBytes(input);

            Assert.That(Keccak256.Hash(input), Is.EqualTo(BouncyCastleKeccak(input)), $"length {length}");
        }
    }

    [Test]
    public void Hasher_InputInRandomPieces_EqualsOneShotHash()
    {
        var random = new Random(2);
        Keccak256Hasher hasher = Keccak256.CreateHasher();
        for (int trial = 0; trial < 200; trial++)
        {
            byte[] input = new byte[random.Next(0, 1200)];
            random.NextBytes(input);
            int offset = 0;
            while (offset < input.Length)
            {
                int piece = Math.Min(random.Next(0, 300), input.Length - offset);
                hasher.Append(input.AsSpan(offset, piece));
                offset += piece;
            }

            Assert.That(hasher.GetHashAndReset(), Is.EqualTo(Keccak256.Hash(input)), $"trial {trial}, length {input.Length}");
        }
    }

    [Test]
    public void Hash_DestinationShorterThan32Bytes_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));
    }

    internal static byte[] BouncyCastleKeccak(byte[] input)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(input, 0, input.Length);
        byte[] output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }
}
