using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// What <c>eth_getLogs</c> selects: emitting addresses, topics by position, and a block range or one block hash.
/// Topic positions: null matches anything; a list matches any of its values (an OR-set).
/// </summary>
public sealed class LogFilter
{
    /// <summary>Emitting contracts (any of them); empty for all contracts.</summary>
    public IReadOnlyList<Address> Addresses { get; init; } = [];

    /// <summary>
    /// Topic constraints by position (at most 4): null = any value, otherwise any of the listed 32-byte hex values.
    /// Trailing positions may be omitted.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>?> Topics { get; init; } = [];

    /// <summary>First block of the range (inclusive); the node's default (latest) when null.</summary>
    public BlockParameter? FromBlock { get; init; }

    /// <summary>Last block of the range (inclusive); the node's default (latest) when null.</summary>
    public BlockParameter? ToBlock { get; init; }

    /// <summary>A single block by hash; excludes <see cref="FromBlock"/>/<see cref="ToBlock"/> (EIP-234).</summary>
    public string? BlockHash { get; init; }

    /// <summary>A topic position that matches any of <paramref name="values"/>.</summary>
    public static IReadOnlyList<string> AnyOf(params string[] values) => values;
}
