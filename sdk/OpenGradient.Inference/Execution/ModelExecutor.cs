using Microsoft.ML.OnnxRuntime;
using OpenGradient.Inference.ModelStore;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Inference.Execution;

/// <summary>
/// The model execution core shared by the SDK (local verification) and the oracle node: loads ONNX
/// models into a bounded session cache keyed by model id, validates canonical inputs against the
/// model's declared inputs before running, runs with reproducible settings and returns canonical
/// outputs. Every expected failure is an <see cref="ExecutionResult"/>, never an exception; the
/// executor is thread-safe.
/// </summary>
/// <remarks>
/// Reproducible settings (docs/models.md): sequential execution mode, one inter-op thread, a fixed
/// intra-op thread count (default 1), basic graph optimizations only (semantics-preserving rewrites,
/// no kernel fusions that change the order of floating-point operations), no CPU memory arena or
/// memory pattern (no state carried between runs), no spinning threads.
/// </remarks>
public sealed class ModelExecutor : IDisposable
{
    private readonly ExecutionOptions _options;
    private readonly ModelSessionCache _cache;

    // Run options carry no per-run state here (no tag, no terminate flag), so one instance serves every run.
    private readonly RunOptions _runOptions = new();

    /// <summary>Creates an executor with <paramref name="options"/> (defaults when null).</summary>
    public ModelExecutor(ExecutionOptions? options = null)
    {
        _options = options ?? new ExecutionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.IntraOpThreads, 1, nameof(options));
        _cache = new ModelSessionCache(_options.SessionCacheCapacity);
    }

    /// <summary>The options in use.</summary>
    public ExecutionOptions Options => _options;

    /// <summary>Number of models currently loaded.</summary>
    public int LoadedModelCount => _cache.Count;

    /// <summary>Whether model <paramref name="id"/> is loaded (no bytes needed to run it).</summary>
    public bool IsLoaded(ModelId id) => _cache.Contains(id);

    /// <summary>
    /// Loads model <paramref name="id"/> from <paramref name="modelBytes"/> (checked against the id) unless
    /// already loaded, and returns its declared signature, or a failure (ModelUnavailable, ModelInvalid).
    /// </summary>
    public ExecutionResult Load(ModelId id, ReadOnlyMemory<byte> modelBytes, out ModelSignature? signature)
    {
        signature = null;
        var failure = Acquire(id, modelBytes, out var lease);
        if (failure is not null)
        {
            return failure;
        }

        using (lease)
        {
            signature = lease!.Entry.Signature;
        }

        return ExecutionResult.Success(TensorList.Empty);
    }

    /// <summary>
    /// Decodes request input bytes (docs/protocol.md section 1). Returns null and the tensors when
    /// they are canonical, else a <see cref="FailureReason.BadInput"/> result naming the broken rule,
    /// which a node posts as its failure report instead of running anything.
    /// </summary>
    public static ExecutionResult? DecodeInputs(ReadOnlySpan<byte> inputBytes, out TensorList inputs)
    {
        try
        {
            inputs = TensorList.Decode(inputBytes);
            return null;
        }
        catch (TensorCodecException e)
        {
            inputs = TensorList.Empty;
            return ExecutionResult.Failed(FailureReason.BadInput, "The request input is not a canonical tensor list: " + e.Message);
        }
    }

    /// <summary>Runs a loaded model; <see cref="FailureReason.ModelUnavailable"/> when it is not loaded.</summary>
    public ExecutionResult Execute(ModelId id, TensorList inputs, int outputDecimals)
    {
        using var lease = _cache.TryAcquire(id);
        return lease is null
            ? ExecutionResult.Failed(FailureReason.ModelUnavailable, $"Model {id} is not loaded; pass its bytes (or use ExecuteAsync with a ModelFetcher) to load it first.")
            : Run(lease.Entry, inputs, outputDecimals);
    }

    /// <summary>
    /// Runs model <paramref name="id"/> on <paramref name="inputs"/>, loading it from
    /// <paramref name="modelBytes"/> if it is not cached (the bytes are ignored when it is).
    /// Float outputs are quantized with <paramref name="outputDecimals"/>.
    /// </summary>
    public ExecutionResult Execute(ModelId id, ReadOnlyMemory<byte> modelBytes, TensorList inputs, int outputDecimals)
    {
        var failure = Acquire(id, modelBytes, out var lease);
        if (failure is not null)
        {
            return failure;
        }

        using (lease)
        {
            return Run(lease!.Entry, inputs, outputDecimals);
        }
    }

    /// <summary>
    /// Runs model <paramref name="id"/>, fetching it through <paramref name="fetcher"/> from
    /// <paramref name="uri"/> when not loaded. A fetch error or a file with another sha256 gives
    /// <see cref="FailureReason.ModelUnavailable"/>; such bytes are never run.
    /// </summary>
    public async Task<ExecutionResult> ExecuteAsync(
        ModelId id,
        string uri,
        ModelFetcher fetcher,
        TensorList inputs,
        int outputDecimals,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        if (_cache.Contains(id))
        {
            var cached = Execute(id, inputs, outputDecimals);
            if (cached.Reason != FailureReason.ModelUnavailable)
            {
                return cached; // else it was evicted meanwhile: fetch below
            }
        }

        byte[] bytes;
        try
        {
            bytes = await fetcher.FetchAsync(id, uri, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelStoreException e)
        {
            return ExecutionResult.Failed(FailureReason.ModelUnavailable, e.Message);
        }

        return Execute(id, bytes, inputs, outputDecimals);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cache.Dispose();
        _runOptions.Dispose();
    }

    internal static SessionOptions CreateSessionOptions(int intraOpThreads)
    {
        var options = new SessionOptions
        {
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            InterOpNumThreads = 1,
            IntraOpNumThreads = intraOpThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC,
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.set_denormal_as_zero", "0");
        return options;
    }

    private ExecutionResult? Acquire(ModelId id, ReadOnlyMemory<byte> modelBytes, out SessionLease? lease)
    {
        lease = _cache.TryAcquire(id);
        if (lease is not null)
        {
            return null;
        }

        var actual = ModelId.Compute(modelBytes.Span);
        if (actual != id)
        {
            return ExecutionResult.Failed(
                FailureReason.ModelUnavailable,
                $"The model bytes have sha256 {actual} but the model id is {id}: the file was changed or is another model. It was not run; fetch the file registered for this id.");
        }

        InferenceSession session;
        using (var sessionOptions = CreateSessionOptions(_options.IntraOpThreads))
        {
            try
            {
                session = new InferenceSession(modelBytes.ToArray(), sessionOptions);
            }
            catch (OnnxRuntimeException e)
            {
                return ExecutionResult.Failed(
                    FailureReason.ModelInvalid,
                    $"ONNX Runtime cannot load model {id}: {e.Message} The file hashes correctly, so the registered model itself is broken; register a valid ONNX file.");
            }
        }

        ModelSignature signature;
        try
        {
            signature = new ModelSignature(Specs(session.InputMetadata, session.InputNames), Specs(session.OutputMetadata, session.OutputNames));
        }
        catch (InvalidOperationException e)
        {
            session.Dispose();
            return ExecutionResult.Failed(FailureReason.ModelInvalid, $"Model {id} declares a non-tensor input or output ({e.Message}); canonical tensors cannot feed it.");
        }

        lease = _cache.AddAndAcquire(new CachedSession(id, session, signature));
        return null;
    }

    private ExecutionResult Run(CachedSession entry, TensorList inputs, int outputDecimals)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (outputDecimals is < 0 or > NamedTensor.MaxDecimals)
        {
            throw new ArgumentOutOfRangeException(nameof(outputDecimals), outputDecimals, "Output decimals must be 0..18 (docs/protocol.md section 1).");
        }

        var invalid = InputBinder.Validate(entry.Signature, inputs, _options.MaxInputElements);
        if (invalid is not null)
        {
            return invalid;
        }

        var names = new List<string>(inputs.Count);
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            var bindFailure = InputBinder.Bind(entry.Signature, inputs, names, values);
            if (bindFailure is not null)
            {
                return bindFailure;
            }

            var outputNames = entry.OutputNames;
            IDisposableReadOnlyCollection<OrtValue> outputs;
            try
            {
                outputs = entry.Session.Run(_runOptions, names, values, outputNames);
            }
            catch (OnnxRuntimeException e)
            {
                return ExecutionResult.Failed(FailureReason.ExecutionError, $"ONNX Runtime failed running model {entry.Id}: {e.Message} Check the input values against what the model expects.");
            }

            using (outputs)
            {
                return OutputReader.Read(outputNames, outputs, outputDecimals, _options.MaxOutputElements);
            }
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private static List<TensorSpec> Specs(IReadOnlyDictionary<string, NodeMetadata> metadata, IReadOnlyList<string> order)
    {
        var specs = new List<TensorSpec>(order.Count);
        foreach (var name in order)
        {
            var node = metadata[name];
            if (!node.IsTensor)
            {
                throw new InvalidOperationException($"'{name}' is a {node.OnnxValueType}");
            }

            specs.Add(new TensorSpec(name, node.ElementDataType, [.. node.Dimensions]));
        }

        return specs;
    }
}
