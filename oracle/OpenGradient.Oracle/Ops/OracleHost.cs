using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenGradient.Ethereum;

namespace OpenGradient.Oracle.Ops;

/// <summary>
/// Builds and runs the node: configuration (appsettings.json, <c>OG_</c>-prefixed and plain environment variables, command
/// line; later wins), the infrastructure services, every feature, and the loopback-only ops endpoint.
/// </summary>
internal static class OracleHost
{
    /// <summary>Exit code when the configuration is invalid or the key cannot be loaded.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Bare command-line switches and the configuration keys they set to true.</summary>
    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--testing-corrupt-results"] = "Testing:CorruptResults",
        ["--testing-challenge-honest-results"] = "Testing:ChallengeHonestResults",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (Staking.StakingCommand.IsCommand(args))
        {
            return await Staking.StakingCommand.RunAsync(args).ConfigureAwait(false);
        }

        try
        {
            await using WebApplication app = Build(args);
            await app.RunAsync().ConfigureAwait(false);
            return Environment.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("The node's configuration is invalid:").ConfigureAwait(false);
            foreach (string failure in e.Failures)
            {
                await Console.Error.WriteLineAsync("  - " + failure).ConfigureAwait(false);
            }

            return ConfigurationErrorExitCode;
        }
        catch (EthereumException e)
        {
            await Console.Error.WriteLineAsync("The node could not start: " + e.Message).ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }
    }

    /// <summary>Builds the node; <paramref name="configureServices"/> lets in-process tests replace services (e.g. the clock).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ExpandSwitches(args),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("OG_");
        builder.Configuration.AddCommandLine(ExpandSwitches(args));

        int port = builder.Configuration.GetValue("Http:Port", 9464);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port is >= 0 and <= 65535 ? port : 0));
        builder.Services.Configure<HostOptions>(options =>
        {
            options.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Host:ShutdownTimeoutSeconds", 20));
            options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });

        builder.Services.AddOracleInfrastructure(builder.Configuration);
        builder.Services.AddOracleFeatures(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        WebApplication app = builder.Build();
        app.MapOps();
        return app;
    }

    private static string[] ExpandSwitches(string[] args)
    {
        var expanded = new List<string>(args.Length);
        foreach (string arg in args)
        {
            expanded.Add(Switches.TryGetValue(arg, out string? key) ? $"--{key}=true" : arg);
        }

        return [.. expanded];
    }
}
