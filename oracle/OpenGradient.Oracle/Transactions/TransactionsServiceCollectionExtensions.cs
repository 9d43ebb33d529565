using OpenGradient.Oracle.Transactions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the transaction sender.</summary>
internal static class TransactionsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TxSender"/> (hosted: resumes unfinished intents at start), its store, migration and fee estimator.</summary>
    public static IServiceCollection AddTransactionSender(this IServiceCollection services)
    {
        services.AddDatabaseMigration<TxMigration>();
        services.AddSingleton<TxStore>();
        services.AddSingleton<FeeEstimator>();
        services.AddSingleton<TxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<TxSender>());
        return services;
    }
}
