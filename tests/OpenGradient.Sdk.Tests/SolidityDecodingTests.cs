using System.Numerics;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Inference;
using OpenGradient.Inference.Tensors;
using OpenGradient.Testing;

namespace OpenGradient.Sdk.Tests;

/// <summary>C#-encoded tensor lists decode in Solidity (the project's Tensors library, via TensorVectorChecker).</summary>
[TestFixture]
public sealed class SolidityDecodingTests
{
    private Contract? _checker;
    private JsonRpcClient? _rpc;

    [OneTimeSetUp]
    public async Task DeployCheckerAsync()
    {
        await HardhatBuild.EnsureBuiltAsync("contracts/test/TensorVectorChecker.sol");
        _rpc = new JsonRpcClient(Devnet.Node.RpcUrl);
        var web3 = new Web3(_rpc, Devnet.Key(9));
        var artifact = ContractArtifact.Load(RepoPaths.Artifact("contracts/test/TensorVectorChecker.sol", "TensorVectorChecker"));
        _checker = (await web3.DeployAsync(artifact, [])).Contract;
    }

    [OneTimeTearDown]
    public void Dispose() => _rpc?.Dispose();

    [Test]
    public async Task Decode_MixedTensorListEncodedInCSharp_SolidityReadsEveryField()
    {
        var tensors = TensorList.Of(
            NamedTensor.FromFloats("score", 6, [2, 2], [1.5f, -0.25f, 3.125f, -7f]),
            NamedTensor.Int("label", [], [-42]),
            NamedTensor.Bool("mask", [3], [true, false, true]));

        AbiValues decoded = await _checker!.CallAsync("decode", tensors.Encode());
        var list = (object?[])decoded[0]!;

        Assert.That(list, Has.Length.EqualTo(3));
        for (int t = 0; t < tensors.Count; t++)
        {
            var tensor = (object?[])list[t]!;
            NamedTensor expected = tensors[t];
            Assert.That(tensor[0], Is.EqualTo(expected.Name));
            Assert.That(tensor[1], Is.EqualTo(new BigInteger((int)expected.ElementType)));
            Assert.That(tensor[2], Is.EqualTo(new BigInteger(expected.Decimals)));
            Assert.That(((object?[])tensor[3]!).Select(d => (int)(BigInteger)d!), Is.EqualTo(expected.Shape.ToArray()));
            Assert.That(((object?[])tensor[4]!).Select(v => (BigInteger)v!), Is.EqualTo(expected.Values.ToArray().Select(v => (BigInteger)v)));
        }
    }

    [Test]
    public async Task Commitment_ComputedInCSharp_EqualsSolidity()
    {
        ModelId model = Devnet.Models["sum-dot-argmax"].Id;
        byte[] input = TensorList.Of(NamedTensor.FromFloats("a", 6, [1, 4], [1f, 2f, 3f, 4f])).Encode();
        byte[] output = TensorList.Of(NamedTensor.Int("label", [1, 1], [3])).Encode();

        AbiValues solidity = await _checker!.CallAsync("commitment", model.ToArray(), input, output);

        Assert.That(solidity[2], Is.EqualTo(Commitment.Compute(model.ToArray(), input, output)));
    }
}
