using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Keys;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the node's signing key.</summary>
internal static class KeysServiceCollectionExtensions
{
    /// <summary>Registers <see cref="NodeKey"/>, loaded once (and at start, through <c>OracleStartup</c>) from the <c>Keys</c> options.</summary>
    public static IServiceCollection AddNodeKey(this IServiceCollection services)
    {
        services.AddSingleton(sp => NodeKeyLoader.Load(
            sp.GetRequiredService<IOptions<KeyOptions>>().Value,
            sp.GetRequiredService<IOptions<ChainOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("OpenGradient.Oracle.Keys")));
        return services;
    }
}
