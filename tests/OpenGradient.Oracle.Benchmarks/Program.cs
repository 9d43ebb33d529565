using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.ModelStore;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;
using OpenGradient.Oracle.Benchmarks;
using OpenGradient.Oracle.Execution;
using OpenGradient.Oracle.Jobs;

// Node overhead at steady state: what the oracle does per job between "input bytes from the log" and "output bytes
// for submitResult" (decode + validate + bind + run + read + quantize + encode, InferenceRunner.Execute) against a
// raw ONNX Runtime Run of the same model with the same session settings on a prebuilt input. Single thread, warm
// sessions, the median of many timed batches (robust to other load on the machine).
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var batches = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
Console.WriteLine($"iterations per batch {iterations}, batches {batches}, median reported");
Console.WriteLine("model              raw ORT (us)   node step (us)   overhead");
foreach (var sample in new[] { SampleModels.LinearRegressor(), SampleModels.MlpClassifier() })
{
    var inputCount = (int)sample.Inputs[0].Shape[^1];
    var floats = new float[inputCount];
    for (var i = 0; i < floats.Length; i++)
    {
        floats[i] = (i * 0.37f) - 1f;
    }

    // Raw ONNX Runtime, the execution core's reproducible settings (docs/models.md).
    using var options = new SessionOptions
    {
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        InterOpNumThreads = 1,
        IntraOpNumThreads = 1,
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC,
        EnableCpuMemArena = false,
        EnableMemoryPattern = false,
    };
    options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
    using var session = new InferenceSession(sample.ToArray(), options);
    using var ortInput = OrtValue.CreateTensorValueFromMemory(floats, [1, inputCount]);
    string[] inputNames = [sample.Inputs[0].Name];
    string[] outputNames = [sample.Outputs[0].Name];
    OrtValue[] inputs = [ortInput];
    using var runOptions = new RunOptions();
    double Raw()
    {
        using var outputs = session.Run(runOptions, inputNames, inputs, outputNames);
        return outputs[0].GetTensorDataAsSpan<float>()[0];
    }

    // The node's step.
    var id = ModelId.FromBytes(sample.Sha256.Span);
    var folder = Path.Combine(Path.GetTempPath(), "og-bench-" + Guid.NewGuid().ToString("N")[..8]);
    using var executor = new ModelExecutor();
    using var http = new HttpClient();
    var chain = new FixedChainView(id, new ModelTerms("file:///unused", sample.Decimals, (ulong)sample.Tolerance));
    var runner = new InferenceRunner(executor, new ModelFetcher(new ModelStoreOptions { StoreDirectory = folder }, http), chain, TimeProvider.System);
    executor.Load(id, sample.ToArray(), out _);
    var prepared = await runner.PrepareAsync(id, CancellationToken.None);
    var inputBytes = TensorList.Of(NamedTensor.FromFloats(sample.Inputs[0].Name, sample.Decimals, [1, inputCount], floats)).Encode();
    double Node() => runner.Execute(prepared, inputBytes).Outputs!.Encode().Length;

    var raw = Median(Raw, iterations, batches);
    var node = Median(Node, iterations, batches);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample.Name,-18} {raw,12:F2}   {node,14:F2}   {((node / raw) - 1) * 100,7:F1} %"));
}

static double Median(Func<double> work, int iterations, int batches)
{
    double sink = 0;
    for (var i = 0; i < iterations; i++)
    {
        sink += work(); // warm-up
    }

    var perBatch = new double[batches];
    for (var b = 0; b < batches; b++)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            sink += work();
        }

        perBatch[b] = watch.Elapsed.TotalMicroseconds / iterations;
    }

    GC.KeepAlive(sink);
    Array.Sort(perBatch);
    return perBatch[batches / 2];
}
