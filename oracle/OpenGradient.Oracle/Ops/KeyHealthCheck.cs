using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenGradient.Oracle.Keys;

namespace OpenGradient.Oracle.Ops;

/// <summary>Reports the loaded key (the node does not start without one) and whether it is a dev key.</summary>
internal sealed class KeyHealthCheck(NodeKey key) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"{key.Address} ({key.Source})"));
}
