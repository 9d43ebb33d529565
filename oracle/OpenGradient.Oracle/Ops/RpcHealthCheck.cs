using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenGradient.Ethereum;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Ops;

/// <summary>Ready only when the RPC endpoint answers <c>eth_blockNumber</c> within <see cref="HttpOptions.RpcProbeTimeout"/>.</summary>
internal sealed class RpcHealthCheck(JsonRpcClient rpc, IOptions<HttpOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RpcProbeTimeout);
        try
        {
            ulong head = await rpc.GetBlockNumberAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"head {head}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{rpc.Endpoint} did not answer within {options.Value.RpcProbeTimeout}");
        }
        catch (EthereumException e)
        {
            return HealthCheckResult.Unhealthy($"{rpc.Endpoint} is unreachable: {e.Message}");
        }
    }
}
