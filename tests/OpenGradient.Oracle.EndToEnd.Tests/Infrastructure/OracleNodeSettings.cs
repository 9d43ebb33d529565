namespace OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;

/// <summary>How to start one oracle process: identity, chain, storage and any extra settings.</summary>
public sealed class OracleNodeSettings
{
    /// <summary>A short name for logs and folders (e.g. <c>node1</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The JSON-RPC endpoint the node talks to (a Hardhat node or a fault proxy in front of it).</summary>
    public required Uri RpcUrl { get; init; }

    /// <summary>The deployment record (<c>{ chainId, contracts, deployBlock }</c>).</summary>
    public required string DeploymentFile { get; init; }

    /// <summary>The node's raw dev key (the chain is local).</summary>
    public required string DevPrivateKey { get; init; }

    /// <summary>The folder for the node's database, model store and log; kept across restarts.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Confirmations the watcher waits for.</summary>
    public int Confirmations { get; init; } = 1;

    /// <summary>Extra configuration as <c>key → value</c> (e.g. <c>Testing:CorruptResults → true</c>).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
