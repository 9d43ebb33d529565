using OpenGradient.Oracle.Chain;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the chain watcher and what it shares (state, cursor store, log channel).</summary>
internal static class ChainServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ChainWatcher"/> (hosted), <see cref="ChainState"/>, <see cref="ChainCursorStore"/>, its migration and
    /// <see cref="ObservedLogChannel"/>. A consumer of the channel (the job dispatcher) must be registered too, or the watcher
    /// stops at the first block with logs.
    /// </summary>
    public static IServiceCollection AddChainWatcher(this IServiceCollection services)
    {
        services.AddDatabaseMigration<ChainMigration>();
        services.AddSingleton<ChainState>();
        services.AddSingleton<ChainCursorStore>();
        services.AddSingleton<ObservedLogChannel>();
        services.AddSingleton<ChainWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ChainWatcher>());
        return services;
    }
}
