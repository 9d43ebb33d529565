using System.Numerics;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Contracts.Tests;

[TestFixture]
public sealed class ErrorDecodingTests
{
    [Test]
    public void Decode_EncodedInsufficientAllowance_RoundTripsToTheTypedError()
    {
        var spender = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        var error = new ERC20InsufficientAllowanceError(spender, 5, 7);

        ContractError? decoded = ContractErrors.Decode(error.Encode());

        Assert.That(decoded, Is.EqualTo(error));
        Assert.That(decoded!.Name, Is.EqualTo("ERC20InsufficientAllowance"));
    }

    [Test]
    public void Decode_ErrorWithEnumValue_MapsTheEnum()
    {
        var error = new InvalidJobStatusError(42, JobStatus.Finalized);

        ContractError? decoded = ContractErrors.Decode(error.Encode());

        Assert.That(decoded, Is.EqualTo(error));
    }

    [Test]
    public void Decode_SelectorMatchesButBodyTruncated_ReturnsNull()
    {
        byte[] data = new JobNotFoundError(new BigInteger(1)).Encode();

        Assert.That(ContractErrors.Decode(data.AsSpan(0, 20)), Is.Null);
    }

    [Test]
    public void Decode_UnknownSelector_ReturnsNull()
    {
        Assert.That(ContractErrors.Decode([0xde, 0xad, 0xbe, 0xef]), Is.Null);
    }

    [Test]
    public void SelectorHex_IsTheKeccakOfTheSignature()
    {
        string selector = new ERC20InsufficientAllowanceError(default, 0, 0).Signature;

        Assert.That(OpenGradient.Ethereum.Encoding.Hex.Encode(OpenGradient.Ethereum.Abi.AbiFunction.ComputeSelector(selector)), Is.EqualTo(ERC20InsufficientAllowanceError.SelectorHex));
        Assert.That(new ERC20InsufficientAllowanceError(default, 0, 0).Encode()[..4], Is.EqualTo(new byte[] { 0xfb, 0x8f, 0x41, 0xb2 }));
        Assert.That(InferenceHubService.Abi.GetEvent("InferenceRequested").Topic0Hex, Is.EqualTo(InferenceRequestedEvent.Topic0));
    }
}
