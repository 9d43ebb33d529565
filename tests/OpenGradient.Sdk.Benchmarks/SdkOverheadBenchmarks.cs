using System.Numerics;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;

namespace OpenGradient.Sdk.Benchmarks;

/// <summary>
/// Baseline: one raw ONNX Runtime run of the MLP classifier (a prepared session, a float tensor in, a float tensor out).
/// Measured against it: what the SDK adds around the same model for one job — build and encode the request
/// (tensors + calldata), decode the posted result from its event log, and verify locally (run with the shared
/// execution core, compare within tolerance, check the commitment). No RPC: only the client-side work.
/// </summary>
[MemoryDiagnoser]
public class SdkOverheadBenchmarks : IDisposable
{
    private static readonly float[] Features = [0.1f, 0.2f, -0.3f, 0.4f, 0.5f, -0.6f, 0.7f, 0.8f];
    private SampleModel _model = null!;
    private ModelId _modelId;
    private InferenceSession _session = null!;
    private ModelExecutor _executor = null!;
    private Log _resultLog = null!;
    private ModelInfo _info = null!;
    private SubmittedJob _job = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = SampleModels.MlpClassifier();
        _modelId = ModelId.Compute(_model.Bytes.Span);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(_model.ToArray(), options);
        _executor = new ModelExecutor();

        // The result as a node would post it: the canonical output of the same run, inside a ResultSubmitted log.
        TensorList input = Input();
        ExecutionResult result = _executor.Execute(_modelId, _model.Bytes, input, _model.Decimals);
        byte[] output = result.EncodeOutputs();
        byte[] commitment = Commitment.Compute(_modelId.ToArray(), input.Encode(), output);
        var hub = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        var executor = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        var ev = InferenceHubService.Abi.GetEvent("ResultSubmitted");
        byte[] data = OpenGradient.Ethereum.Abi.AbiEncoder.Encode("bytes, bytes32, uint64", output, commitment, 1_000UL);
        _resultLog = new Log
        {
            Address = hub,
            Topics = [ev.Topic0Hex, Hex(ev.EncodeTopic("jobId", BigInteger.One)), Hex(ev.EncodeTopic("executor", executor))],
            Data = data,
            BlockNumber = 10,
        };
        _info = new ModelInfo(_modelId, executor, BigInteger.One, true, _model.Decimals, (ulong)_model.Tolerance, "cas:" + _modelId.ToHexNoPrefix());
        _job = new SubmittedJob(BigInteger.One, _modelId, executor, executor, BigInteger.One, 0, 9, "0x");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _session?.Dispose();
        _executor?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "raw ONNX Runtime run")]
    public float RawOnnxRun()
    {
        var tensor = new DenseTensor<float>(Features.AsMemory(), [1, 8]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> outputs = _session.Run([NamedOnnxValue.CreateFromTensor("features", tensor)]);
        return outputs[0].AsTensor<float>()[0, 0];
    }

    [Benchmark(Description = "SDK: request encode + result decode + local verify")]
    public bool SdkOverhead()
    {
        // Request encode: tensors from floats, canonical bytes, requestInference calldata.
        TensorList input = Input();
        byte[] encoded = input.Encode();
        byte[] calldata = InferenceHubService.EncodeRequestInference(_modelId.ToArray(), encoded, new RequestOptions(BigInteger.One, 0, 0));

        // Result decode: the ResultSubmitted log to typed event to tensors.
        ResultSubmittedEvent.TryDecode(_resultLog, out ResultSubmittedEvent? posted);
        TensorList output = TensorList.Decode(posted!.Output);
        var outcome = new JobOutcome(posted.JobId, JobOutcomeKind.Result, JobStatus.Submitted, posted.Executor, output, posted.Output, posted.Commitment, OpenGradient.Contracts.FailureReason.None, posted.ChallengeDeadline, 10);

        // Local verify: re-run with the execution core (cached session), compare within tolerance, check the commitment.
        var record = new JobRecord(_job, TensorList.Decode(encoded), JobStatus.Submitted, outcome);
        VerificationVerdict verdict = LocalVerifier.Verify(_executor, record, outcome, posted.Output, _info, _model.Bytes);
        return verdict.Passed && calldata.Length > 0;
    }

    private TensorList Input() => TensorList.Of(NamedTensor.FromFloats("features", _model.Decimals, [1, 8], Features));

    private static string Hex(byte[] bytes) => OpenGradient.Ethereum.Encoding.Hex.Encode(bytes);
}
