using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Tests.Contracts;

[TestFixture]
public sealed class ContractArtifactTests
{
    private const string Artifact = """
        {"_format":"hh3-artifact-1","contractName":"Thing","sourceName":"contracts/Thing.sol",
         "abi":[{"type":"constructor","inputs":[{"name":"owner","type":"address"},{"name":"cfg","type":"tuple","components":[{"name":"a","type":"uint64"},{"name":"b","type":"string"}]}]},
                {"type":"function","name":"get","inputs":[],"outputs":[{"name":"","type":"uint256"}],"stateMutability":"view"},
                {"type":"error","name":"Bad","inputs":[{"name":"x","type":"uint256"}]}],
         "bytecode":"0x6080604052","deployedBytecode":"0x6080","linkReferences":{},"deployedLinkReferences":{}}
        """;

    private static readonly Address Owner = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

    [Test]
    public void FromJson_HardhatArtifact_ReadsNameAbiBytecodeAndConstructor()
    {
        ContractArtifact artifact = ContractArtifact.FromJson(Artifact);

        Assert.That(artifact.ContractName, Is.EqualTo("Thing"));
        Assert.That(artifact.SourceName, Is.EqualTo("contracts/Thing.sol"));
        Assert.That(artifact.Bytecode.ToArray(), Is.EqualTo(Hex.Decode("0x6080604052")));
        Assert.That(artifact.Abi.GetFunction("get").Outputs, Has.Count.EqualTo(1));
        Assert.That(artifact.ConstructorInputs, Has.Count.EqualTo(2));
        Assert.That(artifact.ConstructorInputs[1].Type.Kind, Is.EqualTo(AbiTypeKind.Tuple));
    }

    [Test]
    public void GetDeploymentData_ConstructorArguments_AppendedAbiEncodedAfterBytecode()
    {
        ContractArtifact artifact = ContractArtifact.FromJson(Artifact);
        object?[] config = [7UL, "seven"];

        byte[] data = artifact.GetDeploymentData(Owner, config);

        byte[] expectedArgs = AbiEncoder.Encode(artifact.ConstructorInputs, [Owner, config]);
        Assert.That(data.AsSpan(0, 5).ToArray(), Is.EqualTo(Hex.Decode("0x6080604052")));
        Assert.That(data.AsSpan(5).ToArray(), Is.EqualTo(expectedArgs));
        Assert.That(expectedArgs, Has.Length.EqualTo(32 * 6));
    }

    [Test]
    public void GetDeploymentData_WrongArgumentCount_ThrowsArgumentExceptionListingParameters()
    {
        ContractArtifact artifact = ContractArtifact.FromJson(Artifact);

        var e = Assert.Throws<ArgumentException>(() => artifact.GetDeploymentData(Owner));

        Assert.That(e!.Message, Does.Contain("takes 2 argument(s)"));
    }

    [Test]
    public void FromJson_NoConstructor_HasNoConstructorInputs()
    {
        ContractArtifact artifact = ContractArtifact.FromJson("""{"contractName":"X","abi":[],"bytecode":"0x00","linkReferences":{}}""");

        Assert.That(artifact.ConstructorInputs, Is.Empty);
        Assert.That(artifact.GetDeploymentData(), Is.EqualTo(new byte[] { 0 }));
    }

    [TestCase("""{"contractName":"IThing","abi":[],"bytecode":"0x"}""", "interface or abstract")]
    [TestCase("""{"contractName":"Lib","abi":[],"bytecode":"0x00","linkReferences":{"contracts/L.sol":{"L":[{"start":1,"length":20}]}}}""", "linked libraries")]
    [TestCase("""[{"type":"function","name":"get","inputs":[],"outputs":[]}]""", "not a Hardhat artifact")]
    [TestCase("""{"contractName":"Broken","abi":[""", "not valid JSON")]
    public void FromJson_NotDeployable_ThrowsContractArtifactExceptionSayingWhy(string json, string expected)
    {
        var e = Assert.Throws<ContractArtifactException>(() => ContractArtifact.FromJson(json));

        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void Load_MissingFile_ThrowsContractArtifactExceptionSayingToBuild()
    {
        var e = Assert.Throws<ContractArtifactException>(() => ContractArtifact.Load("/nonexistent/artifacts/X.sol/X.json"));

        Assert.That(e!.Message, Does.Contain("npx hardhat build"));
    }
}
