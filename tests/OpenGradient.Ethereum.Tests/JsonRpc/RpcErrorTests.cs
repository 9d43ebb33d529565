using NUnit.Framework;
using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Ethereum.Tests.JsonRpc;

[TestFixture]
public sealed class RpcErrorTests
{
    private static readonly byte[] SignedTransaction = [0x02, 0xf8, 0x01];

    // Messages as Hardhat 3 (EDR) and geth word them.
    [TestCase(-32000, "Nonce too low. Expected nonce to be 1 but got 0. Note that transactions can't be queued when automining.", typeof(NonceTooLowException))]
    [TestCase(-32000, "nonce too low: next nonce 5, tx nonce 3", typeof(NonceTooLowException))]
    [TestCase(-32000, "already known", typeof(TransactionAlreadyKnownException))]
    [TestCase(-32000, "Known transaction: 0x0da9e0b9ede9b780554f62432d41e2d4df3540fb1fe37264b5ceff45f4d0d4e6", typeof(TransactionAlreadyKnownException))]
    [TestCase(-32000, "replacement transaction underpriced", typeof(TransactionUnderpricedException))]
    [TestCase(-32000, "transaction underpriced: tip needed 1, tip permitted 0", typeof(TransactionUnderpricedException))]
    [TestCase(-32000, "Transaction maxFeePerGas (232421876) is too low for the next block, which has a baseFeePerGas of 765701563", typeof(TransactionUnderpricedException))]
    [TestCase(-32000, "max fee per gas less than block base fee: address 0x0, maxFeePerGas: 1, baseFee: 7", typeof(TransactionUnderpricedException))]
    [TestCase(-32000, "insufficient funds for gas * price + value: balance 0, tx cost 21000", typeof(InsufficientFundsException))]
    [TestCase(-32000, "Sender doesn't have enough funds to send tx. The max upfront cost is: 5 and the sender's balance is: 1.", typeof(InsufficientFundsException))]
    [TestCase(-32003, "intrinsic gas too low", typeof(JsonRpcException))]
    public void SendRawTransaction_NodeRejection_ThrowsSpecificException(int code, string message, Type expected)
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenError(code, message, "{\"message\":\"detail\"}"));

        var e = Assert.ThrowsAsync(Is.InstanceOf<JsonRpcException>(), () => client.SendRawTransactionAsync(SignedTransaction));
        Assert.That(e, Is.TypeOf(expected));
        var rpc = (JsonRpcException)e!;
        Assert.That(rpc.Code, Is.EqualTo(code));
        Assert.That(rpc.RpcMessage, Is.EqualTo(message));
        Assert.That(rpc.Method, Is.EqualTo("eth_sendRawTransaction"));
        Assert.That(rpc.ErrorData?.GetProperty("message").GetString(), Is.EqualTo("detail"));
    }

    [Test]
    public void Call_RevertWithHexData_ThrowsContractRevertedExceptionWithRevertData()
    {
        // Error(string) "no": selector 08c379a0, offset, length 2, "no".
        string data = "0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000002" + "6e6f000000000000000000000000000000000000000000000000000000000000";
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenError(3, "execution reverted: no", $"\"{data}\""));

        var e = Assert.ThrowsAsync<ContractRevertedException>(() => client.CallAsync(new CallRequest()));
        Assert.That(e!.RevertData, Has.Length.EqualTo(4 + 96));
        Assert.That(e.ErrorSelector, Is.EqualTo("0x08c379a0"));
        Assert.That(e.Code, Is.EqualTo(3));
        Assert.That(e.Revert.Message, Is.EqualTo("no"));
        Assert.That(e.Reason, Is.EqualTo("Error(\"no\")"));
    }

    [Test]
    public void Call_RevertWithDataInsideObject_ReadsNestedData()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenError(
            -32603, "Error: VM Exception while processing transaction: reverted with custom error 'Nope()'", "{\"message\":\"x\",\"data\":\"0xdeadbeef\"}"));

        var e = Assert.ThrowsAsync<ContractRevertedException>(() => client.CallAsync(new CallRequest()));
        Assert.That(e!.RevertData, Is.EqualTo(new byte[] { 0xde, 0xad, 0xbe, 0xef }));
    }

    [Test]
    public void Call_RevertWithoutData_HasEmptyRevertDataAndSaysWhatToCheck()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenError(-32000, "execution reverted"));

        var e = Assert.ThrowsAsync<ContractRevertedException>(() => client.CallAsync(new CallRequest()));
        Assert.That(e!.RevertData, Is.Empty);
        Assert.That(e.ErrorSelector, Is.Null);
        Assert.That(e.Message, Does.Contain("gas limit"));
    }

    [Test]
    public void Send_ErrorWithoutCode_ThrowsRpcResponseFormatException()
    {
        using var client = new JsonRpcClient(new InMemoryRpcTransport().ThenBody("""{"jsonrpc":"2.0","id":1,"error":{"message":"oops"}}"""));

        Assert.ThrowsAsync<RpcResponseFormatException>(() => client.GetChainIdAsync());
    }
}
