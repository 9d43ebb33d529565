using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Tests.JsonRpc;

namespace OpenGradient.Ethereum.Tests.Contracts;

/// <summary>Contract encoding and decoding against scripted node answers (the real node is in Integration/).</summary>
[TestFixture]
public sealed class ContractTests
{
    private static readonly ContractAbi Abi = ContractAbi.Parse(
        "function balanceOf(address who) view returns (uint256 amount)",
        "event Moved(address indexed from, uint256 amount, string memo)",
        "error TooPoor(address who, uint256 have, uint256 need)");

    private static readonly Address Token = Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    private static readonly Address Alice = Address.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

    [Test]
    public async Task CallAsync_EncodesSelectorAndArgumentsAndDecodesOutputs()
    {
        var transport = new InMemoryRpcTransport().ThenResult($"\"{Hex.Encode(AbiEncoder.Encode("uint256", new BigInteger(1234)))}\"");
        using var rpc = new JsonRpcClient(transport);
        Contract token = new Web3(rpc).GetContract(Abi, Token);

        BigInteger amount = await token.CallAsync<BigInteger>("balanceOf", Alice);

        Assert.That(amount, Is.EqualTo(new BigInteger(1234)));
        string expectedData = Hex.Encode(Abi.GetFunction("balanceOf").EncodeCall(Alice));
        Assert.That(transport.Requests[0], Does.Contain($"\"data\":\"{expectedData}\"").And.Contain($"\"to\":\"{Token.ToLowerHex()}\""));
    }

    [Test]
    public void CallAsync_CustomErrorRevert_DecodedWithTheContractAbi()
    {
        byte[] revert = Abi.GetError("TooPoor").Encode(Alice, new BigInteger(1), new BigInteger(5));
        var transport = new InMemoryRpcTransport().ThenError(3, "execution reverted", $"\"{Hex.Encode(revert)}\"");
        using var rpc = new JsonRpcClient(transport);
        Contract token = new Web3(rpc).GetContract(Abi, Token);

        var e = Assert.ThrowsAsync<ContractRevertedException>(() => token.CallAsync("balanceOf", Alice));

        Assert.That(e!.Revert.Kind, Is.EqualTo(RevertKind.CustomError));
        Assert.That(e.Revert.Arguments!["need"], Is.EqualTo(new BigInteger(5)));
        Assert.That(e.Message, Does.Contain("TooPoor"));
        Assert.That(e.InnerException, Is.InstanceOf<ContractRevertedException>());
    }

    [Test]
    public void DecodeEvents_SkipsOtherContractsAndUnknownTopics()
    {
        using var rpc = new JsonRpcClient(new InMemoryRpcTransport());
        Contract token = new Web3(rpc).GetContract(Abi, Token);
        AbiEvent moved = Abi.GetEvent("Moved");
        string fromTopic = Hex.Encode(moved.EncodeTopic("from", Alice));
        byte[] data = AbiEncoder.Encode("uint256,string", new BigInteger(9), "memo");
        Log ours = MakeLog(Token, [moved.Topic0Hex, fromTopic], data);
        Log otherContract = MakeLog(Alice, [moved.Topic0Hex, fromTopic], data);
        Log unknownEvent = MakeLog(Token, ["0x" + new string('e', 64)], []);

        IReadOnlyList<DecodedEvent> events = token.DecodeEvents([ours, otherContract, unknownEvent]);

        Assert.That(events, Has.Count.EqualTo(1));
        Assert.That(events[0].Values["from"], Is.EqualTo(Alice));
        Assert.That(events[0].Values["amount"], Is.EqualTo(new BigInteger(9)));
        Assert.That(events[0].Values["memo"], Is.EqualTo("memo"));
        Assert.That(events[0].Log, Is.SameAs(ours));
    }

    [Test]
    public void SendAsync_WithoutAccountKey_ThrowsInvalidOperationExceptionBeforeAnyRequest()
    {
        var transport = new InMemoryRpcTransport().ThenResult("\"0x7a69\"");
        using var rpc = new JsonRpcClient(transport);
        Contract token = new Web3(rpc).GetContract(Abi, Token);

        var e = Assert.ThrowsAsync<InvalidOperationException>(() => token.SendAsync("balanceOf", Alice));

        Assert.That(e!.Message, Does.Contain("EthKey"));
        Assert.That(transport.Requests, Is.Empty);
    }

    private static Log MakeLog(Address address, IReadOnlyList<string> topics, byte[] data) => new()
    {
        Address = address,
        Topics = topics,
        Data = data,
    };
}
