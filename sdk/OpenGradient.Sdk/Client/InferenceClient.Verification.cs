using System.Numerics;

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
        return LocalVerifier.Verify(_executor, job, outcome, outputBytes, model, modelBytes);
    }
}
