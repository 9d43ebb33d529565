namespace OpenGradient.Oracle.Jobs;

/// <summary>Where this node is with verifying another node's posted outcome (stored).</summary>
internal enum VerificationStage
{
    /// <summary>Not verified by this node (its own job, not sampled, or no outcome yet).</summary>
    None = 0,

    /// <summary>Sampled; to be re-executed and compared.</summary>
    Pending = 1,

    /// <summary>Re-executed; the posted outcome is right (within tolerance).</summary>
    Agreed = 2,

    /// <summary>The posted outcome is wrong; the challenge was handed to the sender.</summary>
    Challenging = 3,

    /// <summary>The challenge was accepted by the hub.</summary>
    Challenged = 4,

    /// <summary>Could not be judged or acted on in time (window closed, model unavailable here).</summary>
    Skipped = 5,
}
