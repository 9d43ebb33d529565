using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the infrastructure options (chain, keys, storage, transactions, http, resilience), validated at start.</summary>
internal static class ConfigurationServiceCollectionExtensions
{
    /// <summary>Binds and validates every infrastructure options class; a bad setting stops the host before the first block is read.</summary>
    public static IServiceCollection AddOracleOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IPostConfigureOptions<ChainOptions>, DeploymentFileReader>();
        Add<ChainOptions, ChainOptionsValidator>(services, configuration, ChainOptions.SectionName);
        Add<KeyOptions, KeyOptionsValidator>(services, configuration, KeyOptions.SectionName);
        Add<StorageOptions, StorageOptionsValidator>(services, configuration, StorageOptions.SectionName);
        Add<TransactionSenderOptions, TransactionSenderOptionsValidator>(services, configuration, TransactionSenderOptions.SectionName);
        Add<HttpOptions, HttpOptionsValidator>(services, configuration, HttpOptions.SectionName);
        Add<ResilienceOptions, ResilienceOptionsValidator>(services, configuration, ResilienceOptions.SectionName);
        return services;
    }

    private static void Add<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
