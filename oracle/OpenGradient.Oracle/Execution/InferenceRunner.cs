using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.ModelStore;
using OpenGradient.Inference.Tensors;
using OpenGradient.Oracle.Jobs;

namespace OpenGradient.Oracle.Execution;

/// <summary>
/// Runs a job the way every honest node does: registry terms → model bytes from the store (cache, sha256
/// checked) → decode and validate the input → the shared execution core. Every expected problem is a
/// <see cref="RunOutcome"/> failure with a reason, never an exception, so a bad job cannot take the node down.
/// </summary>
internal sealed class InferenceRunner
{
    private readonly ModelExecutor _executor;
    private readonly ModelFetcher _fetcher;
    private readonly IChainView _chain;
    private readonly TimeProvider _time;

    public InferenceRunner(ModelExecutor executor, ModelFetcher fetcher, IChainView chain, TimeProvider time)
    {
        _executor = executor;
        _fetcher = fetcher;
        _chain = chain;
        _time = time;
    }

    /// <summary>Called after each model run with its duration and whether it succeeded (the metrics hook).</summary>
    public Action<TimeSpan, bool>? Executed { get; set; }

    /// <summary>Reads the model's terms and loads it (fetching and checking the file unless cached).</summary>
    public async Task<PreparedModel> PrepareAsync(ModelId modelId, CancellationToken cancellationToken)
    {
        var terms = await _chain.GetModelAsync(modelId, cancellationToken).ConfigureAwait(false);
        if (terms is null)
        {
            return new PreparedModel(modelId, null, FailureReason.ModelUnavailable, $"Model {modelId} is not registered; nothing to run.");
        }

        if (_executor.IsLoaded(modelId))
        {
            return new PreparedModel(modelId, terms, FailureReason.None, string.Empty);
        }

        byte[] bytes;
        try
        {
            bytes = await _fetcher.FetchAsync(modelId, terms.Uri, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelStoreException e)
        {
            return new PreparedModel(modelId, terms, FailureReason.ModelUnavailable, e.Message);
        }

        var loaded = _executor.Load(modelId, bytes, out _);
        return loaded.IsSuccess
            ? new PreparedModel(modelId, terms, FailureReason.None, string.Empty)
            : new PreparedModel(modelId, terms, loaded.Reason, loaded.Message);
    }

    /// <summary>Runs a prepared model on canonical input bytes.</summary>
    public RunOutcome Execute(PreparedModel model, byte[] input)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        if (!model.IsReady)
        {
            return RunOutcome.Failed(model.Reason, model.Message, model.Terms);
        }

        TensorList inputs;
        try
        {
            inputs = TensorList.Decode(input);
        }
        catch (TensorCodecException e)
        {
            return RunOutcome.Failed(FailureReason.BadInput, $"The input does not decode as canonical tensors: {e.Message}", model.Terms);
        }

        var started = _time.GetTimestamp();
        var result = _executor.Execute(model.ModelId, inputs, model.Terms!.OutputDecimals);
        Executed?.Invoke(_time.GetElapsedTime(started), result.IsSuccess);
        return result.IsSuccess
            ? new RunOutcome { Outputs = result.Outputs, Terms = model.Terms }
            : RunOutcome.Failed(result.Reason, result.Message, model.Terms);
    }

    /// <summary>Prepares and runs; a model evicted between the two is prepared once more.</summary>
    public async Task<RunOutcome> RunAsync(ModelId modelId, byte[] input, CancellationToken cancellationToken)
    {
        var model = await PrepareAsync(modelId, cancellationToken).ConfigureAwait(false);
        var outcome = Execute(model, input);
        if (outcome.Reason == FailureReason.ModelUnavailable && model.IsReady && !_executor.IsLoaded(modelId))
        {
            outcome = Execute(await PrepareAsync(modelId, cancellationToken).ConfigureAwait(false), input);
        }

        return outcome;
    }
}
