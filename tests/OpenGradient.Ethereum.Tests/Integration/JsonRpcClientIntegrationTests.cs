using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Transactions;
using OpenGradient.Testing;

namespace OpenGradient.Ethereum.Tests.Integration;

/// <summary>The JSON-RPC client against a real Hardhat node: reads, a signed EIP-1559 transfer, node-side rejections.</summary>
[TestFixture]
public sealed class JsonRpcClientIntegrationTests : HardhatTestBase
{
    private static readonly BigInteger OneEther = BigInteger.Pow(10, 18);

    [Test]
    public async Task GetChainId_HardhatNode_Is31337()
    {
        Assert.That(await Rpc.GetChainIdAsync(), Is.EqualTo(31337UL));
    }

    [Test]
    public async Task Batch_ChainIdBalanceAndBlock_AnsweredInOneRequest()
    {
        JsonRpcBatch batch = Rpc.CreateBatch();
        Task<ulong> chainId = batch.Add(EthRequests.ChainId());
        Task<BigInteger> balance = batch.Add(EthRequests.GetBalance(Address.Parse(HardhatNode.Accounts[19].Address)));
        Task<Block?> genesis = batch.Add(EthRequests.GetBlock(BlockParameter.Earliest));
        Task<byte[]> unknownMethodCall = batch.Add(EthRequests.GetCode(Address.Parse(HardhatNode.Accounts[19].Address)));

        await batch.SendAsync();

        Assert.That(await chainId, Is.EqualTo(31337UL));
        Assert.That(await balance, Is.EqualTo(HardhatDevAccounts.InitialBalanceWei));
        Assert.That((await genesis)!.Number, Is.Zero);
        Assert.That(await unknownMethodCall, Is.Empty);
    }

    [Test]
    public async Task TransferEip1559_SignedLocally_MinedWithReceiptAndBalances()
    {
        var recipient = Address.Parse(HardhatNode.Accounts[5].Address);
        BigInteger senderBefore = await Rpc.GetBalanceAsync(Deployer.Address);
        BigInteger recipientBefore = await Rpc.GetBalanceAsync(recipient);

        TransactionReceipt receipt = await Web3.TransferAsync(recipient, OneEther);

        Assert.That(receipt.Succeeded, Is.True);
        Assert.That(receipt.Type, Is.EqualTo(2UL));
        Assert.That(receipt.GasUsed, Is.EqualTo(21000UL));
        Assert.That(receipt.From, Is.EqualTo(Deployer.Address));
        Assert.That(receipt.To, Is.EqualTo(recipient));
        Assert.That(await Rpc.GetBalanceAsync(recipient), Is.EqualTo(recipientBefore + OneEther));
        BigInteger fee = receipt.EffectiveGasPrice * receipt.GasUsed;
        Assert.That(await Rpc.GetBalanceAsync(Deployer.Address), Is.EqualTo(senderBefore - OneEther - fee));

        RpcTransaction? tx = await Rpc.GetTransactionAsync(receipt.TransactionHash);
        Assert.That(tx, Is.Not.Null);
        Assert.That(tx!.Type, Is.EqualTo(2UL));
        Assert.That(tx.Value, Is.EqualTo(OneEther));
        Assert.That(tx.ChainId, Is.EqualTo(31337UL));
        Assert.That(tx.BlockHash, Is.EqualTo(receipt.BlockHash));

        Block? block = await Rpc.GetBlockAsync(BlockParameter.Hash(receipt.BlockHash), fullTransactions: true);
        Assert.That(block, Is.Not.Null);
        Assert.That(block!.Number, Is.EqualTo(receipt.BlockNumber));
        Assert.That(block.TransactionHashes, Does.Contain(receipt.TransactionHash));
        Assert.That(block.Transactions[0].From, Is.EqualTo(Deployer.Address));
        Block? parent = await Rpc.GetBlockAsync(receipt.BlockNumber - 1);
        Assert.That(block.ParentHash, Is.EqualTo(parent!.Hash));
    }

    [Test]
    public async Task SendRawTransaction_ReusedNonce_ThrowsNonceTooLowException()
    {
        EthKey key = EthKey.Parse(HardhatNode.Accounts[6].PrivateKey);
        await new Web3(Rpc, key).TransferAsync(key.Address, 1);

        byte[] stale = await SignTransferAsync(key, nonce: 0, maxFee: 100_000_000_000, value: 1);

        Assert.ThrowsAsync<NonceTooLowException>(() => Rpc.SendRawTransactionAsync(stale));
    }

    [Test]
    public async Task SendRawTransaction_MoreThanBalance_ThrowsInsufficientFundsException()
    {
        EthKey key = EthKey.Parse(HardhatNode.Accounts[7].PrivateKey);
        ulong nonce = await Rpc.GetTransactionCountAsync(key.Address, BlockParameter.Pending);
        byte[] tooRich = await SignTransferAsync(key, nonce, maxFee: 100_000_000_000, value: HardhatDevAccounts.InitialBalanceWei * 2);

        Assert.ThrowsAsync<InsufficientFundsException>(() => Rpc.SendRawTransactionAsync(tooRich));
    }

    [Test]
    public async Task SendRawTransaction_SameTransactionTwiceInPool_ThrowsTransactionAlreadyKnownException()
    {
        EthKey key = EthKey.Parse(HardhatNode.Accounts[8].PrivateKey);
        string snapshot = await Node.SnapshotAsync();
        await Node.SetAutomineAsync(false);
        try
        {
            ulong nonce = await Rpc.GetTransactionCountAsync(key.Address, BlockParameter.Pending);
            byte[] signed = await SignTransferAsync(key, nonce, maxFee: 100_000_000_000, value: 1);
            await Rpc.SendRawTransactionAsync(signed);

            Assert.ThrowsAsync<TransactionAlreadyKnownException>(() => Rpc.SendRawTransactionAsync(signed));
        }
        finally
        {
            await Node.SetAutomineAsync(true);
            await Node.RevertAsync(snapshot);
        }
    }

    [Test]
    public async Task SendRawTransaction_ReplacementWithoutFeeBump_ThrowsTransactionUnderpricedException()
    {
        EthKey key = EthKey.Parse(HardhatNode.Accounts[9].PrivateKey);
        string snapshot = await Node.SnapshotAsync();
        await Node.SetAutomineAsync(false);
        try
        {
            ulong nonce = await Rpc.GetTransactionCountAsync(key.Address, BlockParameter.Pending);
            await Rpc.SendRawTransactionAsync(await SignTransferAsync(key, nonce, maxFee: 100_000_000_000, value: 1));
            byte[] replacement = await SignTransferAsync(key, nonce, maxFee: 100_000_000_000, value: 2);

            Assert.ThrowsAsync<TransactionUnderpricedException>(() => Rpc.SendRawTransactionAsync(replacement));
        }
        finally
        {
            await Node.SetAutomineAsync(true);
            await Node.RevertAsync(snapshot);
        }
    }

    [Test]
    public async Task WaitForReceipt_AutomineOff_CompletesOnceBlockIsMined()
    {
        EthKey key = EthKey.Parse(HardhatNode.Accounts[10].PrivateKey);
        string snapshot = await Node.SnapshotAsync();
        await Node.SetAutomineAsync(false);
        try
        {
            ulong nonce = await Rpc.GetTransactionCountAsync(key.Address, BlockParameter.Pending);
            string hash = await Rpc.SendRawTransactionAsync(await SignTransferAsync(key, nonce, maxFee: 100_000_000_000, value: 1));
            Assert.That(await Rpc.GetTransactionReceiptAsync(hash), Is.Null);
            Assert.That(await Rpc.GetTransactionCountAsync(key.Address, BlockParameter.Pending), Is.EqualTo(nonce + 1));

            Task<TransactionReceipt> waiting = Rpc.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(60));
            await Node.MineAsync();

            TransactionReceipt receipt = await waiting;
            Assert.That(receipt.TransactionHash, Is.EqualTo(hash));
        }
        finally
        {
            await Node.SetAutomineAsync(true);
            await Node.RevertAsync(snapshot);
        }
    }

    [Test]
    public async Task SnapshotRevertAndIncreaseTime_FixtureHelpers_MoveTheChain()
    {
        ulong before = await Rpc.GetBlockNumberAsync();
        Block latest = (await Rpc.GetBlockAsync(BlockParameter.Latest))!;
        string snapshot = await Node.SnapshotAsync();

        await Node.IncreaseTimeAsync(TimeSpan.FromHours(1));
        await Node.MineAsync(3);
        Block mined = (await Rpc.GetBlockAsync(BlockParameter.Latest))!;
        Assert.That(mined.Number, Is.EqualTo(before + 3));
        Assert.That(mined.Timestamp, Is.GreaterThanOrEqualTo(latest.Timestamp + 3600));

        await Node.RevertAsync(snapshot);
        Assert.That(await Rpc.GetBlockNumberAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Call_WithCodeOverride_RunsTheOverriddenCode()
    {
        var target = Address.Parse("0x00000000000000000000000000000000000000aa");
        // PUSH1 1, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN: returns the word 1.
        byte[] code = Hex.Decode("0x600160005260206000f3");
        var overrides = new Dictionary<Address, AccountOverride> { [target] = new() { Code = code } };

        byte[] output = await Rpc.CallAsync(new CallRequest { To = target }, BlockParameter.Latest, overrides);

        Assert.That(output, Has.Length.EqualTo(32));
        Assert.That(output[31], Is.EqualTo(1));
        Assert.That(await Rpc.GetCodeAsync(target), Is.Empty);
    }

    [Test]
    public async Task FeeQueries_HardhatNode_ReturnConsistentValues()
    {
        await Web3.TransferAsync(Address.Parse(HardhatNode.Accounts[11].Address), 1);
        Block latest = (await Rpc.GetBlockAsync(BlockParameter.Latest))!;

        FeeHistory history = await Rpc.GetFeeHistoryAsync(1, BlockParameter.Latest, [50.0]);
        BigInteger gasPrice = await Rpc.GetGasPriceAsync();
        BigInteger tip = await Rpc.GetMaxPriorityFeePerGasAsync();

        Assert.That(history.OldestBlock, Is.EqualTo(latest.Number));
        Assert.That(history.BaseFeePerGas, Has.Count.EqualTo(2));
        Assert.That(history.BaseFeePerGas[0], Is.EqualTo(latest.BaseFeePerGas));
        Assert.That(history.Reward, Has.Count.EqualTo(1));
        Assert.That(gasPrice, Is.GreaterThan(BigInteger.Zero));
        Assert.That(tip, Is.GreaterThanOrEqualTo(BigInteger.Zero));
    }

    private async Task<byte[]> SignTransferAsync(EthKey key, ulong nonce, BigInteger maxFee, BigInteger value)
    {
        var tx = new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = await Rpc.GetChainIdAsync(),
            Nonce = nonce,
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = maxFee,
            GasLimit = 21000,
            To = Address.Parse(HardhatNode.Accounts[0].Address),
            Value = value,
        };
        return tx.Sign(key).Encode();
    }
}
