using System.Numerics;

namespace OpenGradient.Sdk;

/// <summary>No outcome for a job within the wait's timeout.</summary>
public sealed class JobWaitTimeoutException : InferenceClientException
{
    public JobWaitTimeoutException(BigInteger jobId, TimeSpan timeout)
        : base($"Job {jobId} has no result after {timeout}. The executor may be offline: wait longer, or after the result deadline call expire({jobId}) to get a refund.")
    {
        JobId = jobId;
    }

    /// <summary>The job.</summary>
    public BigInteger JobId { get; }
}
