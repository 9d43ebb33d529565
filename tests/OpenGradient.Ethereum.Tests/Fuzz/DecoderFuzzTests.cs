using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Tests.Differential;

namespace OpenGradient.Ethereum.Tests.Fuzz;

/// <summary>
/// Random and mutated bytes into the RLP and ABI decoders: they must either decode (and then the input was
/// canonical, so re-encoding gives it back) or throw their typed exception, never anything else, and their
/// work must stay proportional to the input (checked by allocated bytes, not by time).
/// </summary>
[Category("Fuzz")]
public sealed class DecoderFuzzTests
{
    private const int Iterations = 20_000;

    [Test]
    public void RlpDecode_RandomBytes_DecodesCanonicallyOrThrowsRlpDecodingException()
    {
        var random = new Random(30);
        int decoded = 0;
        for (int i = 0; i < Iterations; i++)
        {
            byte[] input = new byte[random.Next(0, 80)];
            random.NextBytes(input);
            if (input.Length > 0 && random.Next(2) == 0)
            {
                input[0] = (byte)random.Next(0xC0, 0x100);
            }

            decoded += CheckRlp(input) ? 1 : 0;
        }

        Assert.That(decoded, Is.GreaterThan(0));
    }

    [Test]
    public void RlpDecode_MutatedValidEncodings_DecodeCanonicallyOrThrowRlpDecodingException()
    {
        var random = new Random(31);
        int rejected = 0;
        for (int i = 0; i < Iterations / 4; i++)
        {
            byte[] valid = Rlp.Encode(RandomRlp.Item(random, depth: 1));
            byte[] mutated = Mutate(random, valid);
            rejected += CheckRlp(mutated) ? 0 : 1;
        }

        Assert.That(rejected, Is.GreaterThan(0));
    }

    [Test]
    public void RlpDecode_DeeplyNestedLists_ThrowsRlpDecodingExceptionInsteadOfOverflowingTheStack()
    {
        // 100 000 nested single-element lists around an empty list, built from the inside out.
        var headers = new List<byte[]>();
        int length = 1;
        for (int i = 0; i < 100_000; i++)
        {
            byte[] header = new byte[Rlp.GetListLength(length) - length];
            new RlpWriter(header).WriteListHeader(length);
            headers.Add(header);
            length += header.Length;
        }

        var encoded = new List<byte>(length);
        for (int i = headers.Count - 1; i >= 0; i--)
        {
            encoded.AddRange(headers[i]);
        }

        encoded.Add(0xC0);

        Assert.That(encoded, Has.Count.EqualTo(length));
        Assert.Throws<RlpDecodingException>(() => Rlp.Decode([.. encoded]));
    }

    [Test]
    public void AbiDecode_RandomBytesForRandomTypes_DecodeCanonicallyOrThrowAbiDecodingException()
    {
        var random = new Random(32);
        int decoded = 0;
        for (int i = 0; i < Iterations; i++)
        {
            AbiParameter[] parameters = RandomAbi.Parameters(random);
            byte[] input = RandomWords(random);
            decoded += CheckAbi(parameters, input) ? 1 : 0;
        }

        Assert.That(decoded, Is.GreaterThan(0));
    }

    [Test]
    public void AbiDecode_MutatedValidEncodings_DecodeCanonicallyOrThrowAbiDecodingException()
    {
        var random = new Random(33);
        int rejected = 0;
        for (int i = 0; i < Iterations / 2; i++)
        {
            AbiParameter[] parameters = RandomAbi.Parameters(random);
            byte[] valid = AbiEncoder.Encode(parameters, RandomAbi.Values(random, parameters));
            rejected += CheckAbi(parameters, Mutate(random, valid)) ? 0 : 1;
        }

        Assert.That(rejected, Is.GreaterThan(Iterations / 10));
    }

    [Test]
    public void AbiDecode_HostileLengthsAndOffsets_ThrowAbiDecodingExceptionWithBoundedWork()
    {
        var random = new Random(34);
        AbiParameter[] parameters = [.. AbiFunction.Parse("f(uint256[][][] a, (bytes b, string[] s)[] t, bytes32[3][] c)").Inputs];
        for (int i = 0; i < Iterations / 4; i++)
        {
            // Mostly small words (plausible offsets and lengths), sometimes huge ones.
            byte[] input = new byte[32 * random.Next(1, 24)];
            for (int w = 0; w < input.Length / 32; w++)
            {
                int value = random.Next(4) switch
                {
                    0 => random.Next(0, 8) * 32,
                    1 => random.Next(0, 6),
                    2 => int.MaxValue - random.Next(0, 64),
                    _ => random.Next(0, 1 << 20),
                };
                input[(w * 32) + 28] = (byte)(value >> 24);
                input[(w * 32) + 29] = (byte)(value >> 16);
                input[(w * 32) + 30] = (byte)(value >> 8);
                input[(w * 32) + 31] = (byte)value;
            }

            CheckAbi(parameters, input);
        }
    }

    private static bool CheckRlp(byte[] input)
    {
        // Only the decoder is measured: NUnit's collection comparison boxes every byte it compares.
        long before = GC.GetAllocatedBytesForCurrentThread();
        RlpItem? item = null;
        try
        {
            item = Rlp.Decode(input);
        }
        catch (RlpDecodingException)
        {
        }

        AssertBoundedAllocation(before, input.Length);
        if (item is null)
        {
            return false;
        }

        Assert.That(Rlp.Encode(item).AsSpan().SequenceEqual(input), Is.True, "a decoded input must be the canonical encoding of its item");
        return true;
    }

    private static bool CheckAbi(AbiParameter[] parameters, byte[] input)
    {
        // Only the decoder is measured: NUnit's collection comparison boxes every byte it compares.
        long before = GC.GetAllocatedBytesForCurrentThread();
        object?[]? values = null;
        try
        {
            values = AbiDecoder.Decode(parameters, input);
        }
        catch (AbiDecodingException)
        {
        }

        AssertBoundedAllocation(before, input.Length);
        if (values is null)
        {
            return false;
        }

        Assert.That(AbiEncoder.Encode(parameters, values).AsSpan().SequenceEqual(input), Is.True, "a decoded input must be the canonical encoding of its values");
        return true;
    }

    // Decoding allocates at most a constant per input byte (plus the exception); a decoder
    // that trusted a hostile length would allocate gigabytes here.
    private static void AssertBoundedAllocation(long before, int inputLength)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.LessThan(256 * 1024 + (64L * inputLength)), $"decoding {inputLength} bytes allocated {allocated} bytes");
    }

    private static byte[] RandomWords(Random random)
    {
        byte[] input = new byte[32 * random.Next(0, 12)];
        for (int w = 0; w < input.Length / 32; w++)
        {
            if (random.Next(3) == 0)
            {
                random.NextBytes(input.AsSpan(w * 32, 32));
            }
            else
            {
                input[(w * 32) + 31] = (byte)(random.Next(0, 12) * (random.Next(2) == 0 ? 32 : 1));
            }
        }

        return input;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = new List<byte>(valid);
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations; m++)
        {
            int kind = random.Next(4);
            if (bytes.Count == 0 || kind == 0)
            {
                bytes.Insert(random.Next(0, bytes.Count + 1), (byte)random.Next(256));
            }
            else if (kind == 1)
            {
                bytes.RemoveAt(random.Next(bytes.Count));
            }
            else if (kind == 2)
            {
                bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
            }
            else
            {
                bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
            }
        }

        return [.. bytes];
    }
}
