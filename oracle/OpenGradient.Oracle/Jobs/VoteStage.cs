namespace OpenGradient.Oracle.Jobs;

/// <summary>Where this node is with a committee vote (stored; the salt is stored before the commit is sent).</summary>
internal enum VoteStage
{
    /// <summary>Drawn for the committee; vote not decided yet.</summary>
    Pending = 0,

    /// <summary>Vote and salt stored; commit not yet accepted.</summary>
    Decided = 1,

    /// <summary>The commit was accepted; reveal after the commit deadline.</summary>
    Committed = 2,

    /// <summary>The reveal was accepted; resolve after the reveal deadline.</summary>
    Revealed = 3,

    /// <summary>The dispute is resolved.</summary>
    Done = 4,

    /// <summary>A phase deadline passed before this node could act.</summary>
    Missed = 5,
}
