using OpenGradient.Oracle.Execution;

namespace OpenGradient.Oracle.Jobs;

/// <summary>A job moving through the pipeline, gaining the prepared model and then the run's outcome.</summary>
internal sealed record PipelineItem(JobRecord Job, PreparedModel? Model = null, RunOutcome? Outcome = null, byte[]? OutputBytes = null);
