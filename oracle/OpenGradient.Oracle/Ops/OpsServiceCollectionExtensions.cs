using Microsoft.Extensions.Configuration;
using OpenGradient.Oracle.Ops;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers everything the infrastructure owns, in start order.</summary>
internal static class OpsServiceCollectionExtensions
{
    /// <summary>Options, clock, metrics, storage, key, resilience, RPC, chain watcher, transaction sender and health checks.</summary>
    public static IServiceCollection AddOracleInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOracleOptions(configuration);
        services.AddSingleton<OracleMetrics>();
        services.AddNodeStorage();
        services.AddNodeKey();
        services.AddOracleResilience();
        services.AddChainWatcher();
        return services;
    }
}
