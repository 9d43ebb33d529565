using System.ComponentModel.DataAnnotations;

namespace OpenGradient.Oracle.Jobs;

/// <summary>How the node executes the jobs assigned to it (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Jobs";

    /// <summary>Capacity of each bounded pipeline stage (fetch → execute → submit); a full stage pauses the one before.</summary>
    [Range(1, 100_000)]
    public int PipelineCapacity { get; set; } = 64;

    /// <summary>How many result/failure transactions may await their receipts at once.</summary>
    [Range(1, 256)]
    public int MaxConcurrentSubmissions { get; set; } = 8;

    /// <summary>Seconds before the result deadline after which the node no longer sends (the transaction could not land in time).</summary>
    [Range(0, 3600)]
    public int SubmitMarginSeconds { get; set; } = 3;

    /// <summary>Wait before retrying a submission that could not be sent (RPC down).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
