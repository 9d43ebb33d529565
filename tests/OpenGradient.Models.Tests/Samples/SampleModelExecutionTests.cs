using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;

namespace OpenGradient.Models.Tests.Samples;

/// <summary>Every sample model runs in ONNX Runtime (through the shared execution core) and matches plain C# math.</summary>
public sealed class SampleModelExecutionTests
{
    private const int InputDecimals = 6;
    private ModelExecutor _executor = null!;

    [OneTimeSetUp]
    public void CreateExecutor() => _executor = new ModelExecutor();

    [OneTimeTearDown]
    public void DisposeExecutor() => _executor.Dispose();

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void LinearRegressor_RandomInput_MatchesReferenceWithinToleranceAfterQuantization(ulong seed)
    {
        var model = SampleModels.LinearRegressor();
        var p = SampleModels.LinearRegressorParameters();
        var input = RandomInput("features", 4, seed, scale: 10f);
        var x = Dequantized(input);

        var result = Run(model, TensorList.Of(input));

        var reference = ReferenceMath.Linear(x, p.Weights, p.Bias);
        var score = result.Find("score")!;
        Assert.That(score.Shape.ToArray(), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(score.ToDoubles()[0], Is.EqualTo(reference).Within(1e-5));
        AssertAgrees(model, result, TensorList.Of(NamedTensor.FromDoubles("score", model.Decimals, [1, 1], [reference])));
    }

    [TestCase(1UL)]
    [TestCase(7UL)]
    [TestCase(99UL)]
    public void MlpClassifier_RandomInput_MatchesReferenceSoftmaxWithinToleranceAfterQuantization(ulong seed)
    {
        var model = SampleModels.MlpClassifier();
        var p = SampleModels.MlpClassifierParameters();
        var input = RandomInput("features", SampleModels.MlpInputs, seed, scale: 3f);
        var x = Dequantized(input).Select(v => (double)v).ToArray();

        var result = Run(model, TensorList.Of(input));

        var hidden = ReferenceMath.Relu(ReferenceMath.Dense(x, p.W1, p.B1));
        var reference = ReferenceMath.Softmax(ReferenceMath.Dense(hidden, p.W2, p.B2));
        var probabilities = result.Find("probabilities")!;
        Assert.That(probabilities.Shape.ToArray(), Is.EqualTo(new[] { 1, SampleModels.MlpClasses }));
        Assert.That(probabilities.ToDoubles(), Is.EqualTo(reference).Within(1e-5));
        Assert.That(probabilities.ToDoubles().Sum(), Is.EqualTo(1.0).Within(1e-5));
        AssertAgrees(model, result, TensorList.Of(NamedTensor.FromDoubles("probabilities", model.Decimals, [1, SampleModels.MlpClasses], reference)));
    }

    [TestCase(5UL)]
    [TestCase(6UL)]
    public void MultiOutput_RandomInputs_MatchesReferenceSumDotAndArgmax(ulong seed)
    {
        var model = SampleModels.MultiOutput();
        var a = RandomInput("a", 4, seed, scale: 5f);
        var b = RandomInput("b", 4, seed + 1000, scale: 5f);
        var av = Dequantized(a);
        var bv = Dequantized(b);

        var result = Run(model, TensorList.Of(b, a)); // order of the request does not matter

        var sum = new double[4];
        double dot = 0;
        for (var i = 0; i < 4; i++)
        {
            sum[i] = (double)av[i] + bv[i];
            dot += (double)av[i] * bv[i];
        }

        var label = Array.IndexOf(sum, sum.Max());
        Assert.That(result.Select(t => t.Name), Is.EqualTo(new[] { "sum", "dot", "label" }));
        Assert.That(result.Find("sum")!.ToDoubles(), Is.EqualTo(sum).Within(1e-5));
        Assert.That(result.Find("dot")!.ToDoubles()[0], Is.EqualTo(dot).Within(1e-4));
        var labelTensor = result.Find("label")!;
        Assert.That(labelTensor.ElementType, Is.EqualTo(TensorElementType.Int));
        Assert.That(labelTensor.Values[0], Is.EqualTo((Int128)label));
        AssertAgrees(
            model,
            result,
            TensorList.Of(
                NamedTensor.FromDoubles("sum", model.Decimals, [1, 4], sum),
                NamedTensor.FromDoubles("dot", model.Decimals, [1, 1], [dot]),
                NamedTensor.Int("label", [1, 1], [label])));
    }

    [TestCaseSource(nameof(Models))]
    public void SampleModel_IntraOpThreads1And2_GiveIdenticalOutputBytes(string name)
    {
        var model = SampleModels.All().Single(m => m.Name == name);
        using var one = new ModelExecutor(new ExecutionOptions { IntraOpThreads = 1 });
        using var two = new ModelExecutor(new ExecutionOptions { IntraOpThreads = 2 });
        var id = ModelId.FromBytes(model.Sha256.Span);
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var inputs = new TensorList(model.Inputs.Select((spec, i) => RandomInput(spec.Name, (int)spec.Shape[1], (seed * 10) + (ulong)i, scale: 4f)));

            var r1 = one.Execute(id, model.Bytes, inputs, model.Decimals);
            var r2 = two.Execute(id, model.Bytes, inputs, model.Decimals);

            Assert.That(r1.IsSuccess, Is.True, r1.Message);
            Assert.That(r2.EncodeOutputs(), Is.EqualTo(r1.EncodeOutputs()), $"seed {seed}");
        }
    }

    [TestCaseSource(nameof(Models))]
    public void SampleModel_TruncatedFile_FailsAsModelInvalid(string name)
    {
        var model = SampleModels.All().Single(m => m.Name == name);
        var truncated = CorruptModel.Truncate(model.Bytes.Span);
        var inputs = new TensorList(model.Inputs.Select(spec => RandomInput(spec.Name, (int)spec.Shape[1], 1, 1f)));

        var result = _executor.Execute(ModelId.Compute(truncated), truncated, inputs, model.Decimals);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.ModelInvalid), result.Message);
        Assert.That(result.Message, Does.Contain("register a valid ONNX file"));
    }

    [TestCaseSource(nameof(Models))]
    public void SampleModel_OneByteChangedUnderTheOriginalId_FailsAsModelUnavailableAndIsNeverLoaded(string name)
    {
        var model = SampleModels.All().Single(m => m.Name == name);
        var id = ModelId.FromBytes(model.Sha256.Span);
        var swapped = CorruptModel.FlipLastByte(model.Bytes.Span);
        var inputs = new TensorList(model.Inputs.Select(spec => RandomInput(spec.Name, (int)spec.Shape[1], 1, 1f)));
        using var executor = new ModelExecutor(); // nothing cached: the bytes are checked

        var result = executor.Execute(id, swapped, inputs, model.Decimals);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.ModelUnavailable), result.Message);
        Assert.That(result.Message, Does.Contain($"but the model id is {id}"));
        Assert.That(executor.IsLoaded(id), Is.False);
    }

    private static IEnumerable<string> Models() => SampleModels.All().Select(m => m.Name);

    private TensorList Run(SampleModel model, TensorList inputs)
    {
        var result = _executor.Execute(ModelId.FromBytes(model.Sha256.Span), model.Bytes, inputs, model.Decimals);
        Assert.That(result.IsSuccess, Is.True, result.Message);
        return result.Outputs!;
    }

    private static void AssertAgrees(SampleModel model, TensorList actual, TensorList reference)
    {
        var verdict = ToleranceComparer.Compare(reference, actual, (UInt128)model.Tolerance);
        Assert.That(verdict.Agrees, Is.True, verdict.ToString());
    }

    private static NamedTensor RandomInput(string name, int length, ulong seed, float scale)
    {
        var rng = new SplitMix64(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = rng.NextWeight() * scale;
        }

        return NamedTensor.FromFloats(name, InputDecimals, [1, length], values);
    }

    // What the model actually sees: q / 10^d correctly rounded to float32.
    private static float[] Dequantized(NamedTensor tensor)
    {
        var result = new float[tensor.ElementCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = FixedPoint.ToSingle(tensor.Values[i], tensor.Decimals);
        }

        return result;
    }
}
