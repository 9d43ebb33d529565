using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.ModelStore;
using OpenGradient.Inference.Tensors;
using OpenGradient.Oracle.Execution;
using OpenGradient.Oracle.Jobs;

namespace OpenGradient.Oracle.Benchmarks;

/// <summary>
/// Node overhead at steady state. Baseline: a raw ONNX Runtime run of the model with the execution core's reproducible
/// session settings on a prebuilt input tensor. Against it: the node's whole step between "input bytes from the
/// request log" and "output bytes for submitResult" (decode + validate + bind + run + read + quantize + encode,
/// <see cref="InferenceRunner.Execute"/>). BenchmarkDotNet's Ratio column is node / raw per model.
/// </summary>
[MemoryDiagnoser]
public class NodeOverheadBenchmarks : IDisposable
{
    private InferenceSession _session = null!;
    private SessionOptions _sessionOptions = null!;
    private RunOptions _runOptions = null!;
    private OrtValue _ortInput = null!;
    private string[] _inputNames = null!;
    private string[] _outputNames = null!;
    private OrtValue[] _inputs = null!;
    private ModelExecutor _executor = null!;
    private HttpClient _http = null!;
    private InferenceRunner _runner = null!;
    private PreparedModel _prepared = null!;
    private byte[] _inputBytes = null!;
    private string _folder = null!;

    /// <summary>The model (see <see cref="BenchmarkModel"/>).</summary>
    [Params("linear-regressor", "mlp-classifier", BenchmarkModel.Wide, BenchmarkModel.Wider)]
    public string Model { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var model = BenchmarkModel.Get(Model);
        var floats = new float[model.InputWidth];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = ((i % 17) * 0.37f) - 1f;
        }

        _sessionOptions = new SessionOptions
        {
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            InterOpNumThreads = 1,
            IntraOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC,
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
        };
        _sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(model.Bytes, _sessionOptions);
        _runOptions = new RunOptions();
        _ortInput = OrtValue.CreateTensorValueFromMemory(floats, [1, model.InputWidth]);
        _inputNames = [model.InputName];
        _outputNames = [model.OutputName];
        _inputs = [_ortInput];

        var id = ModelId.Compute(model.Bytes);
        _folder = Path.Combine(Path.GetTempPath(), "og-bench-" + Guid.NewGuid().ToString("N")[..8]);
        _executor = new ModelExecutor();
        _http = new HttpClient();
        var chain = new FixedChainView(id, new ModelTerms("file:///unused", model.Decimals, model.Tolerance));
        _runner = new InferenceRunner(_executor, new ModelFetcher(new ModelStoreOptions { StoreDirectory = _folder }, _http), chain, TimeProvider.System);
        _executor.Load(id, model.Bytes, out _);
        _prepared = _runner.PrepareAsync(id, CancellationToken.None).GetAwaiter().GetResult();
        _inputBytes = TensorList.Of(NamedTensor.FromFloats(model.InputName, model.Decimals, [1, model.InputWidth], floats)).Encode();
        if (NodeStep() == 0)
        {
            throw new InvalidOperationException($"The node step produced no output for {Model}.");
        }
    }

    /// <summary>One raw ONNX Runtime run, reading the first output value.</summary>
    [Benchmark(Baseline = true, Description = "raw ONNX Runtime")]
    public float RawOnnxRuntime()
    {
        using var outputs = _session.Run(_runOptions, _inputNames, _inputs, _outputNames);
        return outputs[0].GetTensorDataAsSpan<float>()[0];
    }

    /// <summary>The node's step: canonical input bytes to canonical output bytes.</summary>
    [Benchmark(Description = "node step")]
    public int NodeStep() => _runner.Execute(_prepared, _inputBytes).Outputs!.Encode().Length;

    [GlobalCleanup]
    public void Dispose()
    {
        _session?.Dispose();
        _sessionOptions?.Dispose();
        _runOptions?.Dispose();
        _ortInput?.Dispose();
        _executor?.Dispose();
        _http?.Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
