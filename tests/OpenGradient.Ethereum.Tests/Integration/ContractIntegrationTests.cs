using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Testing;

namespace OpenGradient.Ethereum.Tests.Integration;

/// <summary>Deploy, call, send, decode events and reverts of <c>contracts/test/RpcProbe.sol</c> on a real Hardhat node.</summary>
[TestFixture]
public sealed class ContractIntegrationTests : HardhatTestBase
{
    private static readonly Address Owner = Address.Parse(HardhatNode.Accounts[3].Address);
    private Contract _probe = null!;
    private TransactionReceipt _deployment = null!;

    [OneTimeSetUp]
    public async Task DeployProbeAsync()
    {
        ContractDeployment deployment = await Web3.DeployAsync(LoadProbe(), [Owner, "probe-label"]);
        _probe = deployment.Contract;
        _deployment = deployment.Receipt;
    }

    [Test]
    public async Task Deploy_FromArtifactWithConstructorArguments_CreatesCodeAndState()
    {
        Assert.That(_deployment.Succeeded, Is.True);
        Assert.That(_deployment.ContractAddress, Is.EqualTo(_probe.Address));
        Assert.That(await Rpc.GetCodeAsync(_probe.Address), Is.Not.Empty);
        Assert.That(await _probe.CallAsync<Address>("owner"), Is.EqualTo(Owner));
        Assert.That(await _probe.CallAsync<string>("label"), Is.EqualTo("probe-label"));
    }

    [Test]
    public void Deploy_WrongConstructorArgumentCount_ThrowsArgumentException()
    {
        Assert.ThrowsAsync<ArgumentException>(() => Web3.DeployAsync(LoadProbe(), [Owner]));
    }

    [Test]
    public async Task Call_SeveralOutputs_DecodedByName()
    {
        AbiValues values = await _probe.CallAsync("describe", 150);

        Assert.That(values["who"], Is.EqualTo(Owner));
        Assert.That(values["doubled"], Is.EqualTo(new BigInteger(300)));
        Assert.That(values["text"], Is.EqualTo("probe-label"));
        Assert.That(values["big"], Is.True);
    }

    [Test]
    public async Task Send_Record_EventDecodedFromReceiptAndFoundByLogFilter()
    {
        TransactionReceipt receipt = await _probe.SendAsync("record", 7, "hello, logs", 42);

        Assert.That(receipt.Succeeded, Is.True);
        IReadOnlyList<DecodedEvent> events = _probe.DecodeEvents(receipt);
        Assert.That(events, Has.Count.EqualTo(1));
        DecodedEvent recorded = events[0];
        Assert.That(recorded.Name, Is.EqualTo("Recorded"));
        Assert.That(recorded.Values["sender"], Is.EqualTo(Deployer.Address));
        Assert.That(recorded.Values["id"], Is.EqualTo(new BigInteger(7)));
        Assert.That(recorded.Values["note"], Is.EqualTo("hello, logs"));
        Assert.That(recorded.Values["value"], Is.EqualTo(new BigInteger(42)));
        Assert.That(recorded.Log.BlockHash, Is.EqualTo(receipt.BlockHash));
        Assert.That(recorded.Log.Removed, Is.False);
        Assert.That(await _probe.CallAsync<BigInteger>("lastValue"), Is.EqualTo(new BigInteger(42)));

        // Filter: topic 0 is the event; sender is any of {someone else, deployer}; id is anything.
        AbiEvent recordedEvent = _probe.Abi.GetEvent("Recorded");
        string senderTopic = Hex.Encode(recordedEvent.EncodeTopic("sender", Deployer.Address));
        string otherTopic = Hex.Encode(recordedEvent.EncodeTopic("sender", Owner));
        IReadOnlyList<DecodedEvent> found = await _probe.GetEventsAsync(
            "Recorded", receipt.BlockNumber, receipt.BlockNumber, [LogFilter.AnyOf(otherTopic, senderTopic), null]);
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0].Log.TransactionHash, Is.EqualTo(receipt.TransactionHash));

        IReadOnlyList<DecodedEvent> none = await _probe.GetEventsAsync(
            "Recorded", receipt.BlockNumber, receipt.BlockNumber, [LogFilter.AnyOf(otherTopic)]);
        Assert.That(none, Is.Empty);
    }

    [Test]
    public async Task Send_Record_ReturnedLogsMatchGetLogsByBlockHash()
    {
        TransactionReceipt receipt = await _probe.SendAsync("record", 8, "by hash", 1);

        IReadOnlyList<Log> logs = await Rpc.GetLogsAsync(new LogFilter { Addresses = [_probe.Address], BlockHash = receipt.BlockHash });

        Assert.That(logs, Has.Count.EqualTo(1));
        Assert.That(logs[0].Topics, Is.EqualTo(receipt.Logs[0].Topics));
        Assert.That(logs[0].Data, Is.EqualTo(receipt.Logs[0].Data));
        Assert.That(logs[0].LogIndex, Is.EqualTo(receipt.Logs[0].LogIndex));
    }

    [Test]
    public void Call_CustomErrorRevert_DecodedWithValues()
    {
        var e = Assert.ThrowsAsync<ContractRevertedException>(() => _probe.CallAsync("failCustom", 9));

        Assert.That(e!.Revert.Kind, Is.EqualTo(RevertKind.CustomError));
        Assert.That(e.Revert.Error!.Name, Is.EqualTo("ProbeFailed"));
        Assert.That(e.Revert.Arguments!["who"], Is.EqualTo(Deployer.Address));
        Assert.That(e.Revert.Arguments["code"], Is.EqualTo(new BigInteger(9)));
        Assert.That(e.Revert.Arguments["detail"], Is.EqualTo("custom failure"));
        Assert.That(e.Reason, Does.StartWith("ProbeFailed("));
        Assert.That(e.Code, Is.EqualTo(3));
    }

    [Test]
    public void Call_CustomErrorRevertWithoutAbi_KeepsRawDataForLaterDecoding()
    {
        AbiFunction failCustom = _probe.Abi.GetFunction("failCustom");

        var e = Assert.ThrowsAsync<ContractRevertedException>(
            () => Rpc.CallAsync(new CallRequest { To = _probe.Address, Data = failCustom.EncodeCall(5) }));

        Assert.That(e!.Revert.Kind, Is.EqualTo(RevertKind.Unknown));
        Assert.That(e.ErrorSelector, Is.EqualTo(_probe.Abi.GetError("ProbeFailed").SelectorHex));
        Assert.That(e.DecodeWith(_probe.Abi).Revert.Arguments!["code"], Is.EqualTo(new BigInteger(5)));
    }

    [Test]
    public void Call_RequireWithMessage_DecodedAsErrorString()
    {
        var e = Assert.ThrowsAsync<ContractRevertedException>(() => _probe.CallAsync("failRequire", false));

        Assert.That(e!.Revert.Kind, Is.EqualTo(RevertKind.Error));
        Assert.That(e.Revert.Message, Is.EqualTo("probe: require failed"));
        Assert.That(e.Message, Does.Contain("probe: require failed"));
    }

    [Test]
    public void Call_ArithmeticOverflow_DecodedAsPanic0x11()
    {
        BigInteger max = BigInteger.Pow(2, 256) - 1;

        var e = Assert.ThrowsAsync<ContractRevertedException>(() => _probe.CallAsync("add", max, 1));

        Assert.That(e!.Revert.Kind, Is.EqualTo(RevertKind.Panic));
        Assert.That(e.Revert.PanicCode, Is.EqualTo(new BigInteger(0x11)));
    }

    [Test]
    public async Task Call_Add_ReturnsSum()
    {
        Assert.That(await _probe.CallAsync<BigInteger>("add", 2, 40), Is.EqualTo(new BigInteger(42)));
    }

    [Test]
    public void Send_RevertingTransaction_GasEstimationRevertDecoded()
    {
        var e = Assert.ThrowsAsync<ContractRevertedException>(() => _probe.SendAsync("recordOrFail", 0));

        Assert.That(e!.Revert.Message, Is.EqualTo("probe: zero value"));
        Assert.That(e.Method, Is.EqualTo("eth_estimateGas"));
        Assert.That(e.TransactionHash, Is.Null);
    }

    [Test]
    public async Task Send_RevertingTransactionWithFixedGas_MinedAsFailureAndReasonRecoveredByReplay()
    {
        ulong nonceBefore = await Rpc.GetTransactionCountAsync(Deployer.Address);

        var e = Assert.ThrowsAsync<ContractRevertedException>(
            () => _probe.SendAsync("recordOrFail", new TransactionOptions { GasLimit = 100_000 }, [0], CancellationToken.None));

        Assert.That(e!.TransactionHash, Is.Not.Null);
        Assert.That(e.Revert.Message, Is.EqualTo("probe: zero value"));
        TransactionReceipt? receipt = await Rpc.GetTransactionReceiptAsync(e.TransactionHash!);
        Assert.That(receipt, Is.Not.Null);
        Assert.That(receipt!.Succeeded, Is.False);
        Assert.That(receipt.Status, Is.EqualTo(0UL));
        Assert.That(await Rpc.GetTransactionCountAsync(Deployer.Address), Is.EqualTo(nonceBefore + 1));
    }

    [Test]
    public async Task Send_FailingTransactionMinedLater_ReasonRecoveredByReplayAtParentBlock()
    {
        // With automine off the node accepts the send; the failure only shows in the receipt, as on a real network.
        string snapshot = await Node.SnapshotAsync();
        await Node.SetAutomineAsync(false);
        try
        {
            ulong nonce = await Rpc.GetTransactionCountAsync(Deployer.Address, BlockParameter.Pending);
            Task<TransactionReceipt> sending = _probe.SendAsync("recordOrFail", new TransactionOptions { GasLimit = 100_000 }, [0], CancellationToken.None);
            while (!sending.IsCompleted && await Rpc.GetTransactionCountAsync(Deployer.Address, BlockParameter.Pending) == nonce)
            {
                await Task.Yield();
            }

            await Node.MineAsync();

            var e = Assert.ThrowsAsync<ContractRevertedException>(() => sending);
            Assert.That(e!.Method, Is.EqualTo("eth_call"));
            Assert.That(e.TransactionHash, Is.Not.Null);
            Assert.That(e.Revert.Message, Is.EqualTo("probe: zero value"));
            Assert.That((await Rpc.GetTransactionReceiptAsync(e.TransactionHash!))!.Succeeded, Is.False);
        }
        finally
        {
            await Node.SetAutomineAsync(true);
            await Node.RevertAsync(snapshot);
        }
    }

    [Test]
    public void Send_OutOfGas_ThrowsTransactionFailedException()
    {
        var e = Assert.ThrowsAsync<TransactionFailedException>(
            () => _probe.SendAsync("record", new TransactionOptions { GasLimit = 30_000 }, [1, "out of gas", 5], CancellationToken.None));

        Assert.That(e!.Receipt.Succeeded, Is.False);
        Assert.That(e.Message, Does.Contain("gas"));
    }

    [Test]
    public void Send_WithoutAccount_ThrowsInvalidOperationException()
    {
        Contract readOnly = new Web3(Rpc).GetContract(_probe.Abi, _probe.Address);

        Assert.ThrowsAsync<InvalidOperationException>(() => readOnly.SendAsync("record", 1, "x", 1));
    }

    [Test]
    public void Call_NoContractAtAddress_ThrowsInvalidOperationExceptionNamingIt()
    {
        Contract nowhere = Web3.GetContract(_probe.Abi, Address.Parse("0x00000000000000000000000000000000000000bb"));

        var e = Assert.ThrowsAsync<InvalidOperationException>(() => nowhere.CallAsync<BigInteger>("lastValue"));

        Assert.That(e!.Message, Does.Contain("0x00000000000000000000000000000000000000bB").IgnoreCase);
    }

    [Test]
    public async Task Send_FromSecondAccount_EventSenderIsThatAccount()
    {
        EthKey other = EthKey.Parse(HardhatNode.Accounts[4].PrivateKey);
        Contract asOther = new Web3(Rpc, other).GetContract(_probe.Abi, _probe.Address);

        TransactionReceipt receipt = await asOther.SendAsync("record", 11, string.Empty, 3);

        Assert.That(asOther.DecodeEvents(receipt)[0].Values["sender"], Is.EqualTo(other.Address));
    }
}
