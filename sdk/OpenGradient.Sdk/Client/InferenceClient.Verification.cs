using System.Numerics;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk;

public sealed partial class InferenceClient
{
    /// <summary>
    /// Verifies a posted result by re-execution: fetches the model by its registry URI (its sha256 must equal the model
    /// id, or it is never run), runs it on the job's input with the oracle's settings (the shared execution core), and
    /// compares with the on-chain output under the model's tolerance. Also checks the posted commitment.
    /// </summary>
    /// <exception cref="JobNotFoundException">The hub has no such job.</exception>
    /// <exception cref="VerificationException">No result is posted yet, or the model cannot run on the job's input here.</exception>
    /// <exception cref="OpenGradient.Inference.ModelStore.ModelIntegrityException">The file at the URI is not the model (corrupt or swapped); it was not run.</exception>
    /// <exception cref="OpenGradient.Inference.ModelStore.ModelFetchException">The model file cannot be fetched.</exception>
    public async Task<VerificationVerdict> VerifyLocallyAsync(BigInteger jobId, CancellationToken cancellationToken = default)
    {
        JobRecord job = await GetJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (job.Outcome is not { Kind: JobOutcomeKind.Result, OutputBytes: { } outputBytes } outcome)
        {
            throw new VerificationException(jobId, job.Outcome is null
                ? "no result is posted yet. Wait for it (WaitForResultAsync) and verify again."
                : $"its outcome is {job.Outcome.Kind}, not a result, so there is no output to compare.");
        }

        ModelInfo model = await GetModelAsync(job.ModelId, cancellationToken).ConfigureAwait(false);
        byte[] modelBytes = await _fetcher.FetchAsync(model.Id, model.Uri, cancellationToken).ConfigureAwait(false);
        return Verify(job, outcome, outputBytes, model, modelBytes);
    }

    /// <summary>The local part of verification (run + compare), separated so the benchmark can time it without RPC.</summary>
    internal VerificationVerdict Verify(JobRecord job, JobOutcome outcome, byte[] outputBytes, ModelInfo model, ReadOnlyMemory<byte> modelBytes)
    {
        BigInteger jobId = job.JobId;
        ExecutionResult local = _executor.Execute(model.Id, modelBytes, job.Input, model.OutputDecimals);
        if (!local.IsSuccess)
        {
            throw new VerificationException(jobId, $"the model does not run on the job's input here ({local.Reason}: {local.Message}). If the input is bad, the executor should have reported a failure instead of a result.");
        }

        TensorList onChain = outcome.Output ?? TensorList.Empty;
        ToleranceVerdict comparison = ToleranceComparer.Compare(local.Outputs!, onChain, model.Tolerance);
        byte[] inputBytes = job.Input.Encode();
        byte[] expectedCommitment = Commitment.Compute(model.Id.ToArray(), inputBytes, outputBytes);
        bool commitmentMatches = outcome.Commitment is not null && expectedCommitment.AsSpan().SequenceEqual(outcome.Commitment);
        bool passed = outcome.Output is not null && comparison.Agrees && commitmentMatches;
        return new VerificationVerdict(jobId, model.Id, passed, comparison, local.Outputs!, onChain, commitmentMatches);
    }
}
