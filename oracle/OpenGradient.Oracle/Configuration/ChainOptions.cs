namespace OpenGradient.Oracle.Configuration;

/// <summary>Where the chain is and how the node reads it (section <c>Chain</c>).</summary>
public sealed class ChainOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Chain";

    /// <summary>The chain id of a local Hardhat/Anvil devnet; the only chain where dev keys and testing switches are accepted.</summary>
    public const ulong LocalChainId = 31337;

    /// <summary>JSON-RPC endpoint (http or https).</summary>
    public string RpcUrl { get; set; } = string.Empty;

    /// <summary>The chain id the node expects; it refuses to run against a node that reports another.</summary>
    public ulong ChainId { get; set; }

    /// <summary>
    /// A deployment record (<c>deploy/deployments/&lt;chainId&gt;.json</c>); when set, the contract addresses and the
    /// start block not given explicitly are read from it.
    /// </summary>
    public string? DeploymentFile { get; set; }

    /// <summary>The InferenceHub address.</summary>
    public string? HubAddress { get; set; }

    /// <summary>The NodeStaking address.</summary>
    public string? StakingAddress { get; set; }

    /// <summary>The ModelRegistry address.</summary>
    public string? RegistryAddress { get; set; }

    /// <summary>The OPG token address.</summary>
    public string? TokenAddress { get; set; }

    /// <summary>The first block to read on a fresh database (the deployment block).</summary>
    public ulong? StartBlock { get; set; }

    /// <summary>How many blocks must sit on top of a block before its logs are acted on (0 on an automining devnet is allowed but unsafe).</summary>
    public int Confirmations { get; set; } = 2;

    /// <summary>The most blocks one <c>eth_getLogs</c> call covers.</summary>
    public int MaxBlockRange { get; set; } = 500;

    /// <summary>How long to wait before polling again when the node has caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many recent block hashes are kept for reorg detection (the deepest reorg that can be rewound).</summary>
    public int ReorgHistoryBlocks { get; set; } = 128;

    /// <summary>How many observed logs may wait for the consumer before the watcher pauses.</summary>
    public int LogChannelCapacity { get; set; } = 1024;
}
