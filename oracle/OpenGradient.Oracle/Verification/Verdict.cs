namespace OpenGradient.Oracle.Verification;

/// <summary>This node's judgement of a posted outcome after re-executing the job.</summary>
internal enum Verdict
{
    /// <summary>The posted outcome is right (result within tolerance, or the same failure).</summary>
    Valid,

    /// <summary>The posted outcome is wrong.</summary>
    Invalid,

    /// <summary>This node cannot tell (e.g. it cannot obtain the model either).</summary>
    Unknown,
}
