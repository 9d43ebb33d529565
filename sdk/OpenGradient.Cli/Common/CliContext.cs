using System.CommandLine;
using System.Text.Json.Nodes;
using OpenGradient.Ethereum.Keystore;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Sdk;

namespace OpenGradient.Cli.Common;

/// <summary>What one command invocation needs: the global options, output, the signing key and an SDK client.</summary>
internal sealed class CliContext
{
    public CliContext(ParseResult parse)
    {
        Parse = parse;
        Output = new CliOutput(parse.GetValue(GlobalOptions.Json));
        RpcText = parse.GetValue(GlobalOptions.Rpc)!;
        DeploymentPath = parse.GetValue(GlobalOptions.Deployment)!;
    }

    public ParseResult Parse { get; }

    public CliOutput Output { get; }

    public string RpcText { get; }

    public string DeploymentPath { get; }

    public Uri RpcUrl =>
        Uri.TryCreate(RpcText, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliException($"--rpc '{RpcText}' is not an http(s) URL; pass one like http://127.0.0.1:8545.");

    /// <summary>The signing key from --key / OG_PRIVATE_KEY or --keystore (+ OG_PASSWORD or a prompt); null when none is given.</summary>
    public EthKey? TryLoadKey()
    {
        string? raw = Parse.GetValue(GlobalOptions.Key) ?? Environment.GetEnvironmentVariable("OG_PRIVATE_KEY");
        string? keystore = Parse.GetValue(GlobalOptions.Keystore);
        if (keystore is not null)
        {
            return KeyFiles.Decrypt(keystore, Passwords.Read("Password for " + Path.GetFileName(keystore)));
        }

        if (raw is not null)
        {
            try
            {
                return EthKey.Parse(raw);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OpenGradient.Ethereum.EthereumException)
            {
                throw new CliException("--key is not a 32-byte hex private key; pass 0x followed by 64 hex digits, or use --keystore.", ExitCodes.UserError, e);
            }
        }

        return null;
    }

    public EthKey RequireKey(string action) =>
        TryLoadKey() ?? throw new CliException($"To {action} og needs a signing key: pass --keystore <file> (password from OG_PASSWORD) or --key <hex> on a dev chain.");

    public async Task<InferenceClient> ConnectAsync(EthKey? key, CancellationToken cancellationToken)
    {
        var options = new InferenceClientOptions
        {
            RpcUrl = RpcUrl,
            DeploymentPath = DeploymentPath,
            PollInterval = TimeSpan.FromMilliseconds(250),
            Rpc = new OpenGradient.Ethereum.JsonRpc.JsonRpcClientOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(100), Resilience = { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(100), AttemptTimeout = TimeSpan.FromSeconds(10) } },
        };
        return await InferenceClient.ConnectAsync(options, key, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public static JsonObject Obj() => [];
}
