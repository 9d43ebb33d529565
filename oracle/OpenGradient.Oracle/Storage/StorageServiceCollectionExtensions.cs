using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the node database and lets features contribute migrations.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="NodeDatabase"/> on <c>Storage:DatabasePath</c>.</summary>
    public static IServiceCollection AddNodeStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new NodeDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath,
            sp.GetServices<IDatabaseMigration>()));
        return services;
    }

    /// <summary>Adds a feature's schema migration (runs once, in id order, before the first connection is handed out).</summary>
    public static IServiceCollection AddDatabaseMigration<TMigration>(this IServiceCollection services)
        where TMigration : class, IDatabaseMigration
    {
        services.AddSingleton<IDatabaseMigration, TMigration>();
        return services;
    }
}
