using System.Numerics;
using CsCheck;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Numerics;
using OpenGradient.Ethereum.Tests.Differential;
using OpenGradient.Ethereum.Tests.Hashing;

namespace OpenGradient.Ethereum.Tests.Properties;

/// <summary>Round-trip and equivalence properties, checked by CsCheck with shrinking.</summary>
public sealed class CodecPropertyTests
{
    private static readonly Gen<RlpItem> RlpBytes =
        Gen.OneOf(Gen.Byte.Array[0, 2], Gen.Byte.Array[50, 60], Gen.Byte.Array[0, 400]).Select(b => RlpItem.FromBytes(b));

    private static readonly Gen<RlpItem> RlpTree = Gen.Recursive<RlpItem>((depth, tree) =>
        depth >= 4 ? RlpBytes : Gen.Frequency((3, RlpBytes), (1, tree.Array[0, 6].Select(RlpItem.List))));

    [Test]
    public void Rlp_DecodeOfEncode_GivesTheSameItem()
    {
        RlpTree.Sample(item =>
        {
            byte[] encoded = Rlp.Encode(item);

            Assert.That(Rlp.GetEncodedLength(item), Is.EqualTo(encoded.Length));
            Assert.That(Rlp.Decode(encoded).ToString(), Is.EqualTo(item.ToString()));
        }, iter: 2000);
    }

    [Test]
    public void Rlp_UInt64_RoundTripsAndWriterMatchesEncoder()
    {
        Gen.ULong.Sample(value =>
        {
            byte[] encoded = Rlp.EncodeUInt(value);
            Span<byte> buffer = stackalloc byte[9];
            var writer = new RlpWriter(buffer);
            writer.WriteUInt(new BigInteger(value));

            Assert.That(Rlp.Decode(encoded).ToUInt64(), Is.EqualTo(value));
            Assert.That(writer.Written.ToArray(), Is.EqualTo(encoded));
            Assert.That(Rlp.GetUIntLength(value), Is.EqualTo(encoded.Length));
        }, iter: 5000);
    }

    [Test]
    public void Keccak256_AnyInput_EqualsBouncyCastle()
    {
        Gen.Byte.Array[0, 1000].Sample(input =>
            Assert.That(Keccak256.Hash(input), Is.EqualTo(Keccak256Tests.BouncyCastleKeccak(input))), iter: 3000);
    }

    [Test]
    public void EvmInteger_SignedWord_RoundTripsEveryInt256()
    {
        Gen.Byte.Array[32].Select(b => new BigInteger(b)).Sample(value =>
            Assert.That(EvmInteger.ReadSigned(EvmInteger.ToSignedWord(value)), Is.EqualTo(value)), iter: 3000);
    }

    [Test]
    public void Abi_DecodeOfEncode_GivesTheSameValues()
    {
        // Types and values come from one seed so a failure reproduces; CsCheck shrinks the seed.
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            AbiParameter[] parameters = RandomAbi.Parameters(random);
            object?[] values = RandomAbi.Values(random, parameters);

            byte[] encoded = AbiEncoder.Encode(parameters, values);
            object?[] decoded = AbiDecoder.Decode(parameters, encoded);

            Assert.That(encoded, Has.Length.EqualTo(AbiEncoder.GetEncodedLength(parameters, values)));
            Assert.That(RandomAbi.ViemValues(parameters, decoded).ToJsonString(), Is.EqualTo(RandomAbi.ViemValues(parameters, values).ToJsonString()));
            Assert.That(AbiEncoder.Encode(parameters, decoded), Is.EqualTo(encoded));
        }, iter: 2000);
    }
}
