using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Jobs;

/// <summary><c>JobFinalized</c>, <c>JobRefunded</c> or <c>JobExpired</c>: the job reached a terminal state.</summary>
internal sealed record JobSettled(ulong JobId, JobStatus NewStatus) : HubEvent(JobId);
