using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Chain;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Ops;

/// <summary>
/// Ready only when the chain id was verified, the watcher polled successfully recently, and its cursor trails the confirmed
/// head by at most <see cref="HttpOptions.MaxCursorLagBlocks"/>.
/// </summary>
internal sealed class ChainHealthCheck(ChainState state, IOptions<HttpOptions> http, IOptions<ChainOptions> chain, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["head"] = state.Head,
            ["confirmedHead"] = state.ConfirmedHead,
            ["cursor"] = state.Cursor,
            ["lagBlocks"] = state.LagBlocks,
        };
        if (!state.ChainVerified)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the RPC node's chain id has not been verified yet", data: data));
        }

        TimeSpan staleAfter = TimeSpan.FromTicks(Math.Max(chain.Value.PollInterval.Ticks * 10, TimeSpan.FromSeconds(30).Ticks));
        if (state.LastSuccessfulPoll is not { } polled || time.GetUtcNow() - polled > staleAfter)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"no successful chain poll in the last {staleAfter}", data: data));
        }

        if (state.LagBlocks > (ulong)http.Value.MaxCursorLagBlocks)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the cursor is {state.LagBlocks} blocks behind the confirmed head (limit Http:MaxCursorLagBlocks = {http.Value.MaxCursorLagBlocks})", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"cursor {state.Cursor}, lag {state.LagBlocks}", data));
    }
}
