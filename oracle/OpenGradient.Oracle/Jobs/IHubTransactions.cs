namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// The hub calls this node makes, each under an idempotency key (<c>submit:&lt;jobId&gt;</c>, <c>challenge:&lt;jobId&gt;</c> ...)
/// so that a restart reconciles with what was already sent instead of sending twice. The production
/// implementation goes through the node's transaction sender; tests use an in-memory hub.
/// </summary>
internal interface IHubTransactions
{
    Task<HubTxResult> SubmitResultAsync(ulong jobId, byte[] output, CancellationToken cancellationToken);

    Task<HubTxResult> ReportFailureAsync(ulong jobId, byte failureCode, CancellationToken cancellationToken);

    /// <summary>Challenges a posted outcome (the bond allowance is arranged by the implementation).</summary>
    Task<HubTxResult> ChallengeAsync(ulong jobId, CancellationToken cancellationToken);

    Task<HubTxResult> CommitVoteAsync(ulong jobId, byte[] commitHash, CancellationToken cancellationToken);

    Task<HubTxResult> RevealVoteAsync(ulong jobId, bool valid, byte[] salt, CancellationToken cancellationToken);

    /// <param name="attempt">Part of the idempotency key: a later attempt is a new transaction.</param>
    Task<HubTxResult> ResolveDisputeAsync(ulong jobId, int attempt, CancellationToken cancellationToken);

    /// <param name="outputs">Empty, or one entry per job (the posted output; empty bytes for a failure).</param>
    /// <param name="batchKey">A key naming this batch and attempt.</param>
    Task<HubTxResult> FinalizeBatchAsync(IReadOnlyList<ulong> jobIds, IReadOnlyList<byte[]> outputs, string batchKey, CancellationToken cancellationToken);

    Task<HubTxResult> ExpireAsync(ulong jobId, CancellationToken cancellationToken);
}
