namespace OpenGradient.Oracle.Chain;

/// <summary>What one watcher step did.</summary>
internal enum PollResult
{
    /// <summary>Nothing more is confirmed yet; wait for the poll interval.</summary>
    CaughtUp,

    /// <summary>A range was read; more may be waiting.</summary>
    Progressed,

    /// <summary>A reorg was found and the cursor moved back.</summary>
    Rewound,
}
