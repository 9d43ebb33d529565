using Microsoft.Extensions.Options;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the resilience pipelines and the one JSON-RPC client every feature shares.</summary>
internal static class ResilienceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OracleResilience"/> and a singleton <see cref="JsonRpcClient"/> on <c>Chain:RpcUrl</c>.</summary>
    public static IServiceCollection AddOracleResilience(this IServiceCollection services)
    {
        services.AddSingleton<OracleResilience>();
        services.AddSingleton(sp => new JsonRpcClient(
            new Uri(sp.GetRequiredService<IOptions<ChainOptions>>().Value.RpcUrl),
            sp.GetRequiredService<OracleResilience>().RpcClientOptions(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
