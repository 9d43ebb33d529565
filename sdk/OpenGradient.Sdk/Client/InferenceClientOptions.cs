namespace OpenGradient.Sdk;

/// <summary>Settings of an <see cref="InferenceClient"/>; checked by <see cref="Validate"/> when the client connects.</summary>
public sealed class InferenceClientOptions
{
    /// <summary>The default of <see cref="LogPageBlocks"/>: within the <c>eth_getLogs</c> range limit of common providers.</summary>
    public const ulong DefaultLogPageBlocks = 10_000;

    /// <summary>The JSON-RPC endpoint, e.g. <c>http://127.0.0.1:8545</c>.</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>The deployment file (<c>deploy/deployments/&lt;chainId&gt;.json</c>); or set <see cref="Deployment"/>.</summary>
    public string? DeploymentPath { get; set; }

    /// <summary>The deployment itself; wins over <see cref="DeploymentPath"/>.</summary>
    public Deployment? Deployment { get; set; }

    /// <summary>The chain id the node must report; default the deployment's.</summary>
    public ulong? ExpectedChainId { get; set; }

    /// <summary>The content-addressed model store (cache) directory; default <c>~/.opengradient/models</c>.</summary>
    public string? ModelStoreDirectory { get; set; }

    /// <summary>How often <see cref="InferenceClient.WaitForResultAsync"/> polls for events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long <see cref="InferenceClient.WaitForResultAsync"/> waits when no timeout is given.</summary>
    public TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>ONNX Runtime intra-op threads for local verification; 1 is the oracle's reference setting.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Allow model URIs on http(s) hosts other than loopback.</summary>
    public bool AllowNonLoopbackHttp { get; set; }

    /// <summary>
    /// How many blocks one <c>eth_getLogs</c> call covers in every event query of the client (model list, job lookup and
    /// history, waiting for a result), so a long chain does not exceed the node's block-range limit.
    /// Lower it when the node refuses a log query for its range.
    /// </summary>
    public ulong LogPageBlocks { get; set; } = DefaultLogPageBlocks;

    /// <summary>
    /// How many blocks below the last block it read a polling wait reads again, so an outcome that a reorg moved into
    /// an already-read height is still found (default 64: two epochs, past finality on Ethereum). 0 re-reads only the
    /// last block.
    /// </summary>
    public ulong ReorgDepthBlocks { get; set; } = 64;

    /// <summary>JSON-RPC client settings (retries, timeouts, receipt polling).</summary>
    public OpenGradient.Ethereum.JsonRpc.JsonRpcClientOptions Rpc { get; set; } = new();

    /// <summary>Checks every setting and says which one is wrong and how to fix it.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (RpcUrl is null || !RpcUrl.IsAbsoluteUri || (RpcUrl.Scheme != Uri.UriSchemeHttp && RpcUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"InferenceClientOptions.RpcUrl must be an absolute http(s) URL such as http://127.0.0.1:8545 (got '{RpcUrl}').", nameof(RpcUrl));
        }

        if (Deployment is null && string.IsNullOrWhiteSpace(DeploymentPath))
        {
            throw new ArgumentException("Set InferenceClientOptions.DeploymentPath (deploy/deployments/<chainId>.json) or Deployment, so the client knows the contract addresses.", nameof(DeploymentPath));
        }

        if (PollInterval <= TimeSpan.Zero || PollInterval > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException($"InferenceClientOptions.PollInterval must be between 0 and 1 minute (got {PollInterval}).", nameof(PollInterval));
        }

        if (DefaultWaitTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"InferenceClientOptions.DefaultWaitTimeout must be positive (got {DefaultWaitTimeout}).", nameof(DefaultWaitTimeout));
        }

        if (IntraOpThreads is < 1 or > 64)
        {
            throw new ArgumentException($"InferenceClientOptions.IntraOpThreads must be 1..64 (got {IntraOpThreads}); 1 reproduces the oracle.", nameof(IntraOpThreads));
        }

        if (ReorgDepthBlocks > 10_000)
        {
            throw new ArgumentException($"InferenceClientOptions.ReorgDepthBlocks must be at most 10,000 (got {ReorgDepthBlocks}); reorgs deeper than a few dozen blocks do not happen on a live chain.", nameof(ReorgDepthBlocks));
        }

        if (LogPageBlocks == 0)
        {
            throw new ArgumentException($"InferenceClientOptions.LogPageBlocks must be at least 1 (default {DefaultLogPageBlocks}); it is how many blocks one eth_getLogs call covers.", nameof(LogPageBlocks));
        }
    }
}
