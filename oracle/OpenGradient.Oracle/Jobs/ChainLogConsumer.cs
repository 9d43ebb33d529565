using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Oracle.Chain;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// The consumer of the chain watcher's confirmed logs: decodes hub logs, applies them through the
/// <see cref="JobDispatcher"/> (a durable, idempotent store write), and only then acknowledges each log, so the
/// watcher's cursor never passes a log whose effect is not on disk. Logs of other contracts are acknowledged as is.
/// </summary>
internal sealed class ChainLogConsumer : BackgroundService
{
    private readonly ObservedLogChannel _channel;
    private readonly JobDispatcher _dispatcher;
    private readonly Address _hub;
    private readonly ILogger<ChainLogConsumer> _log;

    public ChainLogConsumer(ObservedLogChannel channel, JobDispatcher dispatcher, IOptions<ChainOptions> chain, ILogger<ChainLogConsumer> log)
    {
        _channel = channel;
        _dispatcher = dispatcher;
        _hub = Address.Parse(chain.Value.HubAddress!);
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var observed in _channel.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (observed.Log.Address == _hub)
                {
                    HubEvent? hubEvent = null;
                    try
                    {
                        hubEvent = HubLogDecoder.Decode(observed.Log);
                    }
                    catch (AbiDecodingException e)
                    {
                        JobsLog.UndecodableLog(_log, observed.BlockNumber, observed.LogIndex, e.Message);
                    }

                    if (hubEvent is not null)
                    {
                        await _dispatcher.ApplyAsync(hubEvent, stoppingToken).ConfigureAwait(false);
                    }
                }

                observed.Acknowledge();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Unacknowledged logs are read again after the restart; applying them again is a no-op.
        }
    }
}
