using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;
using OpenGradient.Oracle.Storage;
using OpenGradient.Oracle.Transactions;

namespace OpenGradient.Oracle.Tests.Transactions;

/// <summary>A real <see cref="TxSender"/> on a database file the test owns, signing with one Hardhat dev key (chain 31337).</summary>
internal sealed class SenderRig : IDisposable
{
    public SenderRig(Uri rpcUrl, string privateKey, TimeProvider time, string databasePath)
    {
        var database = new NodeDatabase(databasePath, [new TxMigration()]);
        Rpc = new JsonRpcClient(rpcUrl);
        Store = new TxStore(database, time);
        var options = Options.Create(new TransactionSenderOptions
        {
            ReceiptPollInterval = TimeSpan.FromMilliseconds(100),
            StuckAfter = TimeSpan.FromSeconds(5),
            FeeBumpPercent = 15,
        });
        var key = new NodeKey(EthKey.Parse(privateKey), NodeKeySource.DevPrivateKey);
        Key = key;
        Address = key.Address;
        Metrics = new OracleMetrics();
        Sender = new TxSender(
            Rpc,
            Store,
            new FeeEstimator(Rpc, options),
            key,
            options,
            Options.Create(new ChainOptions { ChainId = 31337 }),
            Options.Create(new ResilienceOptions { LoopBackoff = TimeSpan.FromMilliseconds(100) }),
            Metrics,
            time,
            NullLogger<TxSender>.Instance);
    }

    public JsonRpcClient Rpc { get; }

    public TxStore Store { get; }

    public TxSender Sender { get; }

    public NodeKey Key { get; }

    public Address Address { get; }

    public OracleMetrics Metrics { get; }

    public void Dispose()
    {
        Sender.Dispose();
        Rpc.Dispose();
    }
}
