namespace OpenGradient.Sdk;

/// <summary>What became of a job.</summary>
public enum JobOutcomeKind
{
    /// <summary>The executor posted a result (see <see cref="JobOutcome.Output"/>); it may still be challenged until finalized.</summary>
    Result,

    /// <summary>The executor reported a failure (see <see cref="JobOutcome.FailureReason"/>); the requester is refunded once it stands.</summary>
    Failure,

    /// <summary>No result by the deadline; the requester was refunded.</summary>
    Expired,
}
