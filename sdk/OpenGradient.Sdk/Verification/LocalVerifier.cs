using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk;

/// <summary>The local part of verification (re-run with the shared execution core, compare, check the commitment), free of RPC.</summary>
internal static class LocalVerifier
{
    public static VerificationVerdict Verify(ModelExecutor executor, JobRecord job, JobOutcome outcome, byte[] outputBytes, ModelInfo model, ReadOnlyMemory<byte> modelBytes)
    {
        ExecutionResult local = executor.Execute(model.Id, modelBytes, job.Input, model.OutputDecimals);
        if (!local.IsSuccess)
        {
            throw new VerificationException(job.JobId, $"the model does not run on the job's input here ({local.Reason}: {local.Message}). If the input is bad, the executor should have reported a failure instead of a result.");
        }

        TensorList onChain = outcome.Output ?? TensorList.Empty;
        ToleranceVerdict comparison = ToleranceComparer.Compare(local.Outputs!, onChain, model.Tolerance);
        byte[] inputBytes = job.Input.Encode();
        byte[] expectedCommitment = Commitment.Compute(model.Id.ToArray(), inputBytes, outputBytes);
        bool commitmentMatches = outcome.Commitment is not null && expectedCommitment.AsSpan().SequenceEqual(outcome.Commitment);
        bool passed = outcome.Output is not null && comparison.Agrees && commitmentMatches;
        return new VerificationVerdict(job.JobId, model.Id, passed, comparison, local.Outputs!, onChain, commitmentMatches);
    }
}
