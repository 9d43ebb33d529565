using System.Numerics;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Testing;

namespace OpenGradient.Contracts.Tests;

/// <summary>Typed events and errors against real receipts and reverts of an OPGToken on a Hardhat node.</summary>
[TestFixture]
public sealed class ReceiptDecodingTests
{
    private HardhatNode? _node;
    private OPGTokenService? _token;
    private Web3? _holder;

    private static readonly BigInteger Supply = BigInteger.Pow(10, 24);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        await HardhatBuild.EnsureBuiltAsync("contracts/OPGToken.sol");
        _node = await HardhatNode.StartAsync();
        _holder = new Web3(new JsonRpcClient(_node.RpcUrl), EthKey.Parse(HardhatDevAccounts.All[0].PrivateKey));
        var artifact = ContractArtifact.Load(RepoPaths.Artifact("contracts/OPGToken.sol", "OPGToken"));
        ContractDeployment deployment = await _holder.DeployAsync(artifact, [_holder.Account!.Address, Supply]);
        _token = new OPGTokenService(_holder, deployment.Contract.Address);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _holder?.Rpc.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Test]
    public async Task Transfer_Receipt_DecodesTheTypedTransferEvent()
    {
        var to = EthKey.Parse(HardhatDevAccounts.All[1].PrivateKey).Address;

        TransactionReceipt receipt = await _token!.TransferAsync(to, 1234);
        IReadOnlyList<TransferEvent> transfers = TransferEvent.DecodeAll(receipt.Logs, _token.Address);

        Assert.That(transfers, Has.Count.EqualTo(1));
        Assert.That(transfers[0].From, Is.EqualTo(_holder!.Account!.Address));
        Assert.That(transfers[0].To, Is.EqualTo(to));
        Assert.That(transfers[0].Value, Is.EqualTo(new BigInteger(1234)));
        Assert.That(transfers[0].Log!.TransactionHash, Is.EqualTo(receipt.TransactionHash));
        Assert.That(ApprovalEvent.DecodeAll(receipt.Logs), Is.Empty);
    }

    [Test]
    public async Task GetApprovalEvents_AfterApprove_ReturnsTheTypedEvent()
    {
        var spender = EthKey.Parse(HardhatDevAccounts.All[2].PrivateKey).Address;
        TransactionReceipt receipt = await _token!.ApproveAsync(spender, 99);

        IReadOnlyList<ApprovalEvent> approvals = await _token.GetApprovalEventsAsync(BlockParameter.Number(receipt.BlockNumber), BlockParameter.Latest);

        Assert.That(approvals.Select(a => (a.Spender, a.Value)), Is.EqualTo(new[] { (spender, new BigInteger(99)) }));
    }

    [Test]
    public async Task TransferFrom_WithoutAllowance_ThrowsContractErrorExceptionWithTypedValues()
    {
        var stranger = EthKey.Parse(HardhatDevAccounts.All[3].PrivateKey);
        var token = new OPGTokenService(new Web3(_holder!.Rpc, stranger), _token!.Address);

        var e = Assert.ThrowsAsync<ContractErrorException>(() => token.TransferFromAsync(_holder.Account!.Address, stranger.Address, 10));

        Assert.That(e!.Error, Is.EqualTo(new ERC20InsufficientAllowanceError(stranger.Address, 0, 10)));
        Assert.That(e.Message, Does.Contain("ERC20InsufficientAllowance"));
    }

    [Test]
    public async Task EncodeTransfer_IsTheCalldataTheServiceSends()
    {
        var to = EthKey.Parse(HardhatDevAccounts.All[4].PrivateKey).Address;
        TransactionReceipt receipt = await _token!.TransferAsync(to, 77);
        RpcTransaction? sent = await _holder!.Rpc.GetTransactionAsync(receipt.TransactionHash);

        Assert.That(sent!.Input, Is.EqualTo(OPGTokenService.EncodeTransfer(to, 77)));
    }
}
