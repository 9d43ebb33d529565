using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Oracle.Chain;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Ops;
using OpenGradient.Oracle.Storage;
using OpenGradient.Oracle.Transactions;

namespace OpenGradient.Oracle.Tests.Chain;

/// <summary>A chain watcher on a database file the test owns and a real JSON-RPC client, stepped by hand with <see cref="ChainWatcher.PollOnceAsync"/>.</summary>
internal sealed class ChainRig : IDisposable
{
    public ChainRig(Uri rpcUrl, ChainOptions options, string databasePath)
    {
        DatabasePath = databasePath;
        Database = new NodeDatabase(DatabasePath, [new ChainMigration(), new TxMigration()]);
        Rpc = new JsonRpcClient(rpcUrl);
        Store = new ChainCursorStore(Database);
        Channel = new ObservedLogChannel(Options.Create(options));
        State = new ChainState(TimeProvider.System);
        Metrics = new OracleMetrics();
        Watcher = new ChainWatcher(Rpc, Store, Channel, State, Options.Create(options), Options.Create(new ResilienceOptions()), Metrics, TimeProvider.System, NullLogger<ChainWatcher>.Instance);
        Watcher.EnsureCursor();
    }

    public string DatabasePath { get; }

    public NodeDatabase Database { get; }

    public JsonRpcClient Rpc { get; }

    public ChainCursorStore Store { get; }

    public ObservedLogChannel Channel { get; }

    public ChainState State { get; }

    public OracleMetrics Metrics { get; }

    public ChainWatcher Watcher { get; }

    /// <summary>Every log delivered so far (acknowledged at once when <see cref="AutoAcknowledge"/>).</summary>
    public List<ObservedLog> Delivered { get; } = [];

    public bool AutoAcknowledge { get; set; } = true;

    /// <summary>Polls until caught up, collecting (and acknowledging) the logs delivered on the way.</summary>
    public async Task CatchUpAsync()
    {
        for (int i = 0; i < 100; i++)
        {
            Task<PollResult> poll = Watcher.PollOnceAsync(CancellationToken.None);
            while (!poll.IsCompleted)
            {
                Drain();
                await Task.WhenAny(poll, Task.Delay(20)).ConfigureAwait(false);
            }

            Drain();
            if (await poll.ConfigureAwait(false) == PollResult.CaughtUp)
            {
                return;
            }
        }

        Assert.Fail("The watcher did not catch up within 100 polls.");
    }

    /// <summary>Closes the client; the database file stays (a second rig on the same path is a restart).</summary>
    public void Dispose() => Rpc.Dispose();

    private void Drain()
    {
        while (Channel.Reader.TryRead(out ObservedLog? log))
        {
            Delivered.Add(log);
            if (AutoAcknowledge)
            {
                log.Acknowledge();
            }
        }
    }
}
