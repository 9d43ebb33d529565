using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace OpenGradient.Oracle.Ops;

/// <summary>The ops routes: <c>/health</c> and <c>/metrics</c>.</summary>
internal static class OpsEndpoints
{
    public static void MapOps(this WebApplication app)
    {
        OracleMetrics metrics = app.Services.GetRequiredService<OracleMetrics>();
        app.MapGet("/health/live", () => Results.Text("alive"));
        app.MapMetrics("/metrics", metrics.Registry);
    }
}
