using System.ComponentModel.DataAnnotations;

namespace OpenGradient.Oracle.Verification;

/// <summary>How the node checks other nodes' outcomes, votes, and settles due jobs (section <c>Verification</c>).</summary>
public sealed class VerificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Verification";

    /// <summary>Share of other nodes' posted outcomes this node re-executes (0 = none, 1 = all); chosen deterministically by job id and node address.</summary>
    [Range(0.0, 1.0)]
    public double SampleShare { get; set; } = 1.0;

    /// <summary>Challenge outcomes found outside the model's tolerance (off: verify and count only).</summary>
    public bool ChallengeEnabled { get; set; } = true;

    /// <summary>Seconds before the challenge deadline after which the node no longer challenges.</summary>
    [Range(0, 3600)]
    public int ChallengeMarginSeconds { get; set; } = 2;

    /// <summary>How often due work (reveals, resolutions, finalizations, expiries) is looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Finalize due jobs (own jobs; all jobs with <see cref="FinalizeAllJobs"/>).</summary>
    public bool FinalizeEnabled { get; set; } = true;

    /// <summary>Also finalize due jobs of other executors (a public service; costs gas).</summary>
    public bool FinalizeAllJobs { get; set; }

    /// <summary>Most jobs in one <c>finalizeBatch</c>.</summary>
    [Range(1, 256)]
    public int FinalizeBatchSize { get; set; } = 32;

    /// <summary>Chain seconds after which a job whose finalization was sent but is still open is included again.</summary>
    [Range(1, 86_400)]
    public int FinalizeResendAfterSeconds { get; set; } = 30;

    /// <summary>Expire other executors' jobs that passed their result deadline with no result (refunds the requester).</summary>
    public bool ExpireOverdueJobs { get; set; } = true;
}
