using System.Numerics;

namespace OpenGradient.Sdk;

/// <summary>No job with this id exists on the hub.</summary>
public sealed class JobNotFoundException : InferenceClientException
{
    public JobNotFoundException(BigInteger jobId)
        : base($"Job {jobId} does not exist on this hub. Check the id (and that the client points at the deployment the job was requested on).")
    {
        JobId = jobId;
    }

    /// <summary>The job id asked for.</summary>
    public BigInteger JobId { get; }
}
