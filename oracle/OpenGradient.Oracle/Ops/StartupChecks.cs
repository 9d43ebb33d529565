using Microsoft.Extensions.Hosting;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Storage;

namespace OpenGradient.Oracle.Ops;

/// <summary>
/// Runs first at start: loads the key (a wrong password stops the node now, not at the first job) and migrates the
/// database, before any feature's background loop begins.
/// </summary>
internal sealed class StartupChecks(IServiceProvider services, NodeDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = (NodeKey)services.GetService(typeof(NodeKey))!;
        database.EnsureMigrated();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
