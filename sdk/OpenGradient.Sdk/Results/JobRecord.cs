using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Inference;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk;

/// <summary>A job as requested, with its current status and outcome (for <see cref="InferenceClient.GetJobAsync"/> and job history).</summary>
/// <param name="Request">The job as accepted by the hub.</param>
/// <param name="Input">The decoded input tensors.</param>
/// <param name="Status">The job's status now.</param>
/// <param name="Outcome">The posted outcome, or null while the executor has not posted.</param>
public sealed record JobRecord(SubmittedJob Request, TensorList Input, JobStatus Status, JobOutcome? Outcome)
{
    /// <summary>The job id.</summary>
    public BigInteger JobId => Request.JobId;

    /// <summary>The model.</summary>
    public ModelId ModelId => Request.ModelId;
}
