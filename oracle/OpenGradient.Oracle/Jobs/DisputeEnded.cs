using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Jobs;

/// <summary><c>DisputeResolved</c>: the committee decided; the job moved to <paramref name="NewStatus"/>.</summary>
/// <param name="Outcome"><c>IInferenceHub.DisputeOutcome</c>: 1 Upheld, 2 Overturned, 3 NoDecision.</param>
internal sealed record DisputeEnded(ulong JobId, byte Outcome, JobStatus NewStatus) : HubEvent(JobId);
