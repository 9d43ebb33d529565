namespace OpenGradient.Oracle.Jobs;

/// <summary>This node's seat on a dispute committee.</summary>
internal sealed record VoteRecord
{
    public required ulong JobId { get; init; }

    public required ulong CommitDeadline { get; init; }

    public required ulong RevealDeadline { get; init; }

    public required VoteStage Stage { get; init; }

    /// <summary>The decided vote (true: the posted outcome is right); null before deciding.</summary>
    public bool? Valid { get; init; }

    /// <summary>The 32-byte salt, stored before the commit transaction is sent; null before deciding.</summary>
    public byte[]? Salt { get; init; }

    /// <summary>How many times the resolve step was tried (part of its idempotency key).</summary>
    public int ResolveAttempts { get; init; }
}
