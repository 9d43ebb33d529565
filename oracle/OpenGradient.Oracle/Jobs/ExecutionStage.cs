namespace OpenGradient.Oracle.Jobs;

/// <summary>Where this node is with a job assigned to it (stored; drives recovery after a restart).</summary>
internal enum ExecutionStage
{
    /// <summary>Not this node's job.</summary>
    None = 0,

    /// <summary>Assigned to this node; not yet handed to the transaction sender.</summary>
    Pending = 1,

    /// <summary>The result or failure transaction was handed to the sender (idempotent by job id).</summary>
    Submitting = 2,

    /// <summary>The chain shows this node's result or failure.</summary>
    Done = 3,

    /// <summary>The deadline passed, or the hub refused the submission; nothing more to do.</summary>
    Missed = 4,
}
