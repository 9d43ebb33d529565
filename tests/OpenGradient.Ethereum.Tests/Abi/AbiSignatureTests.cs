using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Tests.Abi;

public sealed class AbiSignatureTests
{
    private static readonly Address From = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly Address To = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

    [Test]
    public void FunctionParse_HumanReadableTransfer_HasErc20SelectorAndOutputs()
    {
        var transfer = AbiFunction.Parse("function transfer(address to, uint256 amount) external returns (bool)");

        Assert.That(transfer.Signature, Is.EqualTo("transfer(address,uint256)"));
        Assert.That(transfer.SelectorHex, Is.EqualTo("0xa9059cbb"));
        Assert.That(transfer.Outputs.Single().Type, Is.EqualTo(AbiType.Bool));
        Assert.That(transfer.Inputs[1].Name, Is.EqualTo("amount"));
    }

    [Test]
    public void FunctionParse_ViewWithTupleArgument_UsesCanonicalTupleInSignature()
    {
        var f = AbiFunction.Parse("function submit((uint256 id, bytes data)[] calldata items, address) view returns (uint256 count, bytes32)");

        Assert.That(f.Signature, Is.EqualTo("submit((uint256,bytes)[],address)"));
        Assert.That(f.StateMutability, Is.EqualTo("view"));
        Assert.That(f.Outputs, Has.Count.EqualTo(2));
    }

    [TestCase("function (uint256)")]
    [TestCase("function f(uint256) returns")]
    [TestCase("function f(uint256) sometimes")]
    [TestCase("event E(uint256 indexed indexed a)")]
    [TestCase("error E(uint256 indexed a)")]
    [TestCase("event E(uint indexed a, uint indexed b, uint indexed c, uint indexed d)")]
    public void Parse_MalformedDeclaration_ThrowsAbiFormatException(string text)
    {
        Assert.Throws<AbiFormatException>(() => ContractAbi.Parse(text));
    }

    [Test]
    public void EventDecodeLog_Erc20Transfer_GivesNamedValues()
    {
        var transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        byte[] data = AbiEncoder.Encode("uint256", new BigInteger(1000));

        AbiValues values = transfer.DecodeLog([transfer.Topic0.ToArray(), transfer.EncodeTopic("from", From), transfer.EncodeTopic("to", To)], data);

        Assert.That(transfer.Topic0Hex, Is.EqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
        Assert.That(values["from"], Is.EqualTo(From));
        Assert.That(values["to"], Is.EqualTo(To));
        Assert.That(values.Get<BigInteger>("value"), Is.EqualTo(new BigInteger(1000)));
    }

    [Test]
    public void EventDecodeLog_IndexedDynamicValues_GiveTheirHashes()
    {
        var e = AbiEvent.Parse("event Named(string indexed name, bytes indexed blob, uint256[] indexed ids, uint8 kind)");
        byte[] nameTopic = e.EncodeTopic("name", "hello");
        byte[] blobTopic = e.EncodeTopic("blob", new byte[] { 1, 2, 3 });
        byte[] idsTopic = e.EncodeTopic("ids", new BigInteger[] { 1, 2 });

        AbiValues values = e.DecodeLog([e.Topic0.ToArray(), nameTopic, blobTopic, idsTopic], AbiEncoder.Encode("uint8", 7));

        Assert.That(nameTopic, Is.EqualTo(OpenGradient.Ethereum.Hashing.Keccak256.Hash("hello")));
        Assert.That(blobTopic, Is.EqualTo(OpenGradient.Ethereum.Hashing.Keccak256.Hash([1, 2, 3])));
        Assert.That(idsTopic, Is.EqualTo(OpenGradient.Ethereum.Hashing.Keccak256.Hash(AbiEncoder.Encode("uint256,uint256", 1, 2))));
        Assert.That(values["name"], Is.EqualTo(nameTopic));
        Assert.That(values["kind"], Is.EqualTo(new BigInteger(7)));
    }

    [Test]
    public void EventDecodeLog_AnonymousEvent_ReadsIndexedValuesFromFirstTopic()
    {
        var e = AbiEvent.Parse("event Ping(uint64 indexed seq, bool flag) anonymous");
        byte[] seq = AbiEvent.EncodeTopic(AbiType.UInt(64), 42UL);

        AbiValues values = e.DecodeLog([seq], AbiEncoder.Encode("bool", true));

        Assert.That(e.Anonymous, Is.True);
        Assert.That(values["seq"], Is.EqualTo(new BigInteger(42)));
        Assert.That(values["flag"], Is.True);
    }

    [Test]
    public void EventDecodeLog_WrongTopic0_ThrowsAbiDecodingException()
    {
        var e = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");

        Assert.Throws<AbiDecodingException>(() => e.DecodeLog([new byte[32], new byte[32], new byte[32]], new byte[32]));
    }

    [Test]
    public void EventDecodeLog_IndexedAddressWithHighBits_ThrowsAbiDecodingExceptionNamingTheField()
    {
        var e = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        byte[] badTopic = new byte[32];
        badTopic[0] = 1;

        var ex = Assert.Throws<AbiDecodingException>(() => e.DecodeLog([e.Topic0.ToArray(), new byte[32], badTopic], new byte[32]));

        Assert.That(ex!.Path, Is.EqualTo("to"));
    }

    [Test]
    public void DecodeRevert_ErrorString_GivesTheMessage()
    {
        // The Solidity documentation's example of require(false, "Not enough Ether provided.").
        byte[] data = Hex.Decode("0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001a"
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");

        DecodedRevert revert = DecodedRevert.Decode(data);

        Assert.That(revert.Kind, Is.EqualTo(RevertKind.Error));
        Assert.That(revert.Message, Is.EqualTo("Not enough Ether provided."));
    }

    [Test]
    public void DecodeRevert_PanicOverflow_GivesCodeAndMeaning()
    {
        byte[] data = Hex.Decode("0x4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011");

        DecodedRevert revert = DecodedRevert.Decode(data);

        Assert.That(revert.Kind, Is.EqualTo(RevertKind.Panic));
        Assert.That(revert.PanicCode, Is.EqualTo(new BigInteger(0x11)));
        Assert.That(revert.PanicDescription, Does.Contain("overflow"));
    }

    [Test]
    public void DecodeRevert_CustomErrorInAbi_GivesTypedValues()
    {
        var abi = ContractAbi.Parse(
            "error JobNotFound(uint256 jobId)",
            "error InsufficientStake(address node, uint256 have, uint256 need)");
        byte[] data = abi.GetError("InsufficientStake").Encode(From, 5, 10);

        DecodedRevert revert = abi.DecodeRevert(data);

        Assert.That(revert.Kind, Is.EqualTo(RevertKind.CustomError));
        Assert.That(revert.Error!.Name, Is.EqualTo("InsufficientStake"));
        Assert.That(revert.Arguments!["node"], Is.EqualTo(From));
        Assert.That(revert.Arguments["need"], Is.EqualTo(new BigInteger(10)));
        Assert.That(revert.ToString(), Is.EqualTo($"InsufficientStake(node={From}, have=5, need=10)"));
    }

    [Test]
    public void DecodeRevert_UnknownSelectorOrMalformedBody_IsUnknownAndKeepsTheData()
    {
        byte[] unknown = Hex.Decode("0xdeadbeef");
        byte[] truncatedError = Hex.Decode("0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020");

        Assert.That(DecodedRevert.Decode(unknown).Kind, Is.EqualTo(RevertKind.Unknown));
        Assert.That(DecodedRevert.Decode(truncatedError).Kind, Is.EqualTo(RevertKind.Unknown));
        Assert.That(DecodedRevert.Decode([]).Kind, Is.EqualTo(RevertKind.Empty));
        Assert.That(DecodedRevert.Decode(unknown).Data.ToArray(), Is.EqualTo(unknown));
    }

    [Test]
    public void FromJson_HardhatArtifact_ReadsFunctionsEventsErrorsAndTupleComponents()
    {
        const string artifact = """
            {
              "contractName": "Hub",
              "abi": [
                { "type": "constructor", "inputs": [] },
                { "type": "function", "name": "requestInference", "stateMutability": "nonpayable",
                  "inputs": [
                    { "name": "modelId", "type": "bytes32", "internalType": "bytes32" },
                    { "name": "tensors", "type": "tuple[]", "internalType": "struct Tensor[]", "components": [
                      { "name": "name", "type": "string" }, { "name": "shape", "type": "uint32[]" } ] },
                    { "name": "pairs", "type": "tuple[2][]", "components": [ { "name": "a", "type": "uint8" } ] } ],
                  "outputs": [ { "name": "jobId", "type": "uint256" } ] },
                { "type": "event", "name": "JobRequested", "anonymous": false, "inputs": [
                    { "name": "jobId", "type": "uint256", "indexed": true },
                    { "name": "requester", "type": "address", "indexed": true } ] },
                { "type": "error", "name": "JobNotFound", "inputs": [ { "name": "jobId", "type": "uint256" } ] },
                { "type": "receive", "stateMutability": "payable" }
              ]
            }
            """;

        ContractAbi abi = ContractAbi.FromJson(artifact);
        AbiFunction request = abi.GetFunction("requestInference");

        Assert.That(request.Signature, Is.EqualTo("requestInference(bytes32,(string,uint32[])[],(uint8)[2][])"));
        Assert.That(request.Inputs[1].Type.Element!.Components[1].Name, Is.EqualTo("shape"));
        Assert.That(abi.GetEvent("JobRequested").IndexedCount, Is.EqualTo(2));
        Assert.That(abi.FindError(AbiFunction.ComputeSelector("JobNotFound(uint256)"))!.Name, Is.EqualTo("JobNotFound"));
        Assert.That(abi.FindFunction(request.EncodeCall(new byte[32], Array.Empty<object>(), Array.Empty<object>())), Is.SameAs(request));
    }

    [TestCase("not json")]
    [TestCase("{\"contractName\": \"X\"}")]
    [TestCase("[{\"type\": \"function\", \"inputs\": []}]")]
    [TestCase("[{\"type\": \"function\", \"name\": \"f\", \"inputs\": [{\"name\": \"a\", \"type\": \"uint7\"}]}]")]
    public void FromJson_InvalidAbi_ThrowsAbiFormatException(string json)
    {
        Assert.Throws<AbiFormatException>(() => ContractAbi.FromJson(json));
    }

    [Test]
    public void EncodePacked_SolidityDocumentationExample_MatchesExpectedBytes()
    {
        byte[] packed = AbiEncoder.EncodePacked("int16, bytes1, uint16, string", -1, new byte[] { 0x42 }, 3, "Hello, world!");

        Assert.That(Hex.Encode(packed), Is.EqualTo("0xffff42000348656c6c6f2c20776f726c6421"));
    }

    [Test]
    public void EncodePacked_ArrayOfAddresses_PadsEachElementTo32Bytes()
    {
        byte[] packed = AbiEncoder.EncodePacked("address[], bool", new[] { From, To }, true);

        Assert.That(packed, Has.Length.EqualTo(65));
        Assert.That(packed.AsSpan(12, 20).ToArray(), Is.EqualTo(From.ToArray()));
    }

    [TestCase("(uint8,uint8)")]
    [TestCase("uint8[][]")]
    [TestCase("string[]")]
    public void EncodePacked_UnsupportedType_ThrowsAbiEncodingException(string type)
    {
        AbiType t = AbiType.Parse(type);

        Assert.Throws<AbiEncodingException>(() => AbiEncoder.EncodePacked([t], [new object[] { new object[] { 1 }, new object[] { 2 } }]));
    }
}
