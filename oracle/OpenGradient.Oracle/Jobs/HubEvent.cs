namespace OpenGradient.Oracle.Jobs;

/// <summary>A hub event the job dispatcher acts on, decoded from a confirmed log.</summary>
/// <param name="JobId">The job the event is about.</param>
internal abstract record HubEvent(ulong JobId);
