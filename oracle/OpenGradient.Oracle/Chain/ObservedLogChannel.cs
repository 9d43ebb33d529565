using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Chain;

/// <summary>
/// The bounded channel between the <see cref="ChainWatcher"/> (the only writer) and the consumer of confirmed logs (the
/// job dispatcher, the only reader). Logs arrive in chain order; acknowledge each with <see cref="ObservedLog.Acknowledge"/>.
/// </summary>
internal sealed class ObservedLogChannel
{
    private readonly Channel<ObservedLog> _channel;

    public ObservedLogChannel(IOptions<ChainOptions> options)
    {
        _channel = Channel.CreateBounded<ObservedLog>(new BoundedChannelOptions(options.Value.LogChannelCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Where the consumer reads logs.</summary>
    public ChannelReader<ObservedLog> Reader => _channel.Reader;

    /// <summary>Where the watcher writes logs.</summary>
    internal ChannelWriter<ObservedLog> Writer => _channel.Writer;
}
