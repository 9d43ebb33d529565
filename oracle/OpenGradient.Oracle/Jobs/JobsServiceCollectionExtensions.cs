using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.ModelStore;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Execution;
using OpenGradient.Oracle.Jobs;
using OpenGradient.Oracle.Ops;
using OpenGradient.Oracle.Staking;
using OpenGradient.Oracle.Testing;
using OpenGradient.Oracle.Verification;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the node's job features: execution, jobs, verification, disputes, settlement, staking and the testing switches.</summary>
internal static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Everything that turns confirmed hub logs into work: options (<c>Jobs</c>, <c>Verification</c>, <c>Execution</c>,
    /// <c>ModelStore</c>, <c>Staking</c>, <c>Testing</c>, validated at start), the job store and its migration, the execution
    /// core and model store, the pipeline, verifier, dispute and settlement duties, and the log consumer. Needs the
    /// infrastructure (chain watcher, transaction sender, key, storage, metrics) registered too.
    /// </summary>
    public static IServiceCollection AddOracleFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<VerificationOptions>().Bind(configuration.GetSection(VerificationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExecutionOptions>().Bind(configuration.GetSection(ExecutionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StakingOptions>().Bind(configuration.GetSection(StakingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StakingOptions>, StakingOptionsValidator>();
        services.AddOptions<TestingOptions>().Bind(configuration.GetSection(TestingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TestingOptions>, TestingOptionsValidator>();
        services.AddOptions<ModelStoreOptions>()
            .Bind(configuration.GetSection(ModelStoreOptions.SectionName))
            .PostConfigure<IOptions<StorageOptions>>((store, storage) =>
            {
                if (string.IsNullOrWhiteSpace(store.StoreDirectory))
                {
                    // Default: a models folder next to the node database.
                    var folder = Path.GetDirectoryName(Path.GetFullPath(storage.Value.DatabasePath)) ?? ".";
                    store.StoreDirectory = Path.Combine(folder, "models");
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddDatabaseMigration<JobsMigration>();
        services.AddSingleton<JobStore>();
        services.AddHttpClient(nameof(ModelFetcher));
        services.AddSingleton(sp => new ModelExecutor(sp.GetRequiredService<IOptions<ExecutionOptions>>().Value));
        services.AddSingleton(sp => new ModelFetcher(
            sp.GetRequiredService<IOptions<ModelStoreOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ModelFetcher)),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChainView, ChainView>();
        services.AddSingleton<IHubTransactions, HubTransactions>();
        services.AddSingleton(sp =>
        {
            var metrics = sp.GetRequiredService<OracleMetrics>();
            return new InferenceRunner(
                sp.GetRequiredService<ModelExecutor>(),
                sp.GetRequiredService<ModelFetcher>(),
                sp.GetRequiredService<IChainView>(),
                sp.GetRequiredService<TimeProvider>())
            {
                Executed = (elapsed, _) => metrics.ExecutionSeconds.Observe(elapsed.TotalSeconds),
            };
        });
        services.AddSingleton<OutcomeJudge>();
        AddHosted<JobPipeline>(services);
        AddHosted<ResultVerifier>(services);
        AddHosted<DisputeDuties>(services);
        AddHosted<SettlementDuties>(services);
        services.AddSingleton<JobDispatcher>();
        AddHosted<ChainLogConsumer>(services);
        AddHosted<StakeOnStart>(services);
        return services;
    }

    private static void AddHosted<T>(IServiceCollection services)
        where T : class, Microsoft.Extensions.Hosting.IHostedService
    {
        services.AddSingleton<T>();
        services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
