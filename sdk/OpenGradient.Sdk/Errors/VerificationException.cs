using System.Numerics;

namespace OpenGradient.Sdk;

/// <summary>A job cannot be verified locally: it has no posted result yet, or the model cannot run on its input here.</summary>
public sealed class VerificationException : InferenceClientException
{
    public VerificationException(BigInteger jobId, string problem)
        : base($"Job {jobId} cannot be verified locally: {problem}")
    {
        JobId = jobId;
    }

    /// <summary>The job.</summary>
    public BigInteger JobId { get; }
}
