using OpenGradient.Ethereum.Encoding;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Inference.Tests.Tensors;

public sealed class CommitmentTests
{
    // Computed with viem: keccak256(encodeAbiParameters([bytes32 x3], [modelId, keccak256(input), keccak256(output)])).
    private const string ModelId = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string ExpectedInputHash = "0x22ae6da6b482f9b1b19b0b897c3fd43884180a1c5ee361e1107a1bc635649dda";
    private const string ExpectedOutputHash = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
    private const string ExpectedCommitment = "0x1bbfb497b9d328053b75c829fffc307790db1e6894d8e126008012f3b5a3e4bb";

    [Test]
    public void Compute_ViemVector_MatchesByteForByte()
    {
        var commitment = Commitment.Compute(Hex.Decode(ModelId), Hex.Decode("0x0102"), []);

        Assert.That(Hex.Encode(commitment), Is.EqualTo(ExpectedCommitment));
        Assert.That(Hex.Encode(Commitment.InputHash(Hex.Decode("0x0102"))), Is.EqualTo(ExpectedInputHash));
        Assert.That(Hex.Encode(Commitment.OutputHash([])), Is.EqualTo(ExpectedOutputHash));
    }

    [Test]
    public void FromHashes_SameHashes_EqualsCompute()
    {
        var commitment = Commitment.FromHashes(Hex.Decode(ModelId), Hex.Decode(ExpectedInputHash), Hex.Decode(ExpectedOutputHash));

        Assert.That(Hex.Encode(commitment), Is.EqualTo(ExpectedCommitment));
    }

    [Test]
    public void Compute_ShortModelId_ThrowsArgumentException()
    {
        Assert.That(() => Commitment.Compute(new byte[31], [], []), Throws.ArgumentException.With.Message.Contains("32 bytes"));
    }
}
