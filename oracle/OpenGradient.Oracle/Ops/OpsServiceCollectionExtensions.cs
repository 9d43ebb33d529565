using Microsoft.Extensions.Configuration;
using OpenGradient.Oracle.Ops;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers everything the infrastructure owns, in start order.</summary>
internal static class OpsServiceCollectionExtensions
{
    /// <summary>
    /// Options, clock, metrics, storage, key (loaded at start), resilience and the RPC client, the chain watcher, the
    /// transaction sender and the health checks. Features (jobs, verification) are added after this.
    /// </summary>
    public static IServiceCollection AddOracleInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOracleOptions(configuration);
        services.AddSingleton<OracleMetrics>();
        services.AddNodeStorage();
        services.AddNodeKey();
        services.AddHostedService<StartupChecks>();
        services.AddOracleResilience();
        services.AddChainWatcher();
        services.AddTransactionSender();
        services.AddHealthChecks()
            .AddCheck<RpcHealthCheck>("rpc", tags: [OpsEndpoints.ReadyTag])
            .AddCheck<ChainHealthCheck>("chain", tags: [OpsEndpoints.ReadyTag])
            .AddCheck<KeyHealthCheck>("key", tags: [OpsEndpoints.ReadyTag]);
        return services;
    }
}
