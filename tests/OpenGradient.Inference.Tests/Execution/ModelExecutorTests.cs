using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;
using OpenGradient.Inference.Tests.Support;
using OpenGradient.Models.Samples;

namespace OpenGradient.Inference.Tests.Execution;

public sealed class ModelExecutorTests
{
    private static readonly SampleModel Multi = SampleModels.MultiOutput();
    private static readonly ModelId MultiId = ModelId.FromBytes(Multi.Sha256.Span);
    private ModelExecutor _executor = null!;

    [SetUp]
    public void CreateExecutor() => _executor = new ModelExecutor();

    [TearDown]
    public void DisposeExecutor() => _executor.Dispose();

    [Test]
    public void Execute_MissingInput_FailsWithMissingInputNamingIt()
    {
        var result = RunMulti(Vector("a", 4));

        Assert.That(result.Reason, Is.EqualTo(FailureReason.MissingInput));
        Assert.That(result.Message, Does.Contain("b: Float[1,4]"));
        Assert.That(result.Reason.IsInputError(), Is.True);
    }

    [Test]
    public void Execute_UnknownInputName_FailsWithUnknownInputListingTheModelInputs()
    {
        var result = RunMulti(Vector("a", 4), Vector("b", 4), Vector("c", 4));

        Assert.That(result.Reason, Is.EqualTo(FailureReason.UnknownInput));
        Assert.That(result.Message, Does.Contain("'c' is not an input").And.Contain("a: Float[1,4]"));
    }

    [TestCase(new[] { 1, 5 })]
    [TestCase(new[] { 4 })]
    [TestCase(new[] { 1, 4, 1 })]
    [TestCase(new[] { 2, 4 })]
    public void Execute_WrongShape_FailsWithBadInputShape(int[] shape)
    {
        var count = shape.Aggregate(1, (a, b) => a * b);
        var badA = NamedTensor.Fixed("a", 6, shape, new Int128[count]);

        var result = RunMulti(badA, Vector("b", 4));

        Assert.That(result.Reason, Is.EqualTo(FailureReason.BadInputShape), result.Message);
        Assert.That(result.Message, Does.Contain("declares a: Float[1,4]"));
    }

    [Test]
    public void Execute_IntTensorForFloatInput_FailsWithTypeMismatch()
    {
        var result = RunMulti(NamedTensor.Int("a", [1, 4], [1, 2, 3, 4]), Vector("b", 4));

        Assert.That(result.Reason, Is.EqualTo(FailureReason.TypeMismatch));
        Assert.That(result.Message, Does.Contain("encode the input as Fixed"));
    }

    [Test]
    public void Execute_DynamicBatchDimension_AcceptsAnyBatchAndChecksTheFixedDimension()
    {
        var bytes = TestModels.DynamicBatchDoubler();
        var id = ModelId.Compute(bytes);
        var three = NamedTensor.FromFloats("x", 3, [3, 4], [.. Enumerable.Range(0, 12).Select(i => i * 0.5f)]);

        var ok = _executor.Execute(id, bytes, TensorList.Of(three), 3);
        var bad = _executor.Execute(id, bytes, TensorList.Of(NamedTensor.Fixed("x", 3, [3, 5], new Int128[15])), 3);

        Assert.That(ok.IsSuccess, Is.True, ok.Message);
        Assert.That(ok.Outputs![0].Shape.ToArray(), Is.EqualTo(new[] { 3, 4 }));
        Assert.That(ok.Outputs![0].ToDoubles(), Is.EqualTo(Enumerable.Range(0, 12).Select(i => (double)i)));
        Assert.That(bad.Reason, Is.EqualTo(FailureReason.BadInputShape));
        Assert.That(bad.Message, Does.Contain("x: Float[?,4]"));
    }

    [Test]
    public void Execute_NaNOutput_FailsWithNonFiniteOutput()
    {
        var bytes = TestModels.Sqrt();

        var result = _executor.Execute(ModelId.Compute(bytes), bytes, TensorList.Of(NamedTensor.FromFloats("x", 2, [2], [4f, -1f])), 6);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.NonFiniteOutput));
        Assert.That(result.Message, Does.Contain("'y' element 1"));
    }

    [Test]
    public void Execute_ValueBeyondTwoPow127AtTheDecimals_FailsWithOutputTooLarge()
    {
        var bytes = TestModels.Amplifier();

        var result = _executor.Execute(ModelId.Compute(bytes), bytes, TensorList.Of(NamedTensor.FromFloats("x", 0, [1], [1000f])), 18);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.OutputTooLarge));
        Assert.That(result.Message, Does.Contain("fewer decimals"));
    }

    [Test]
    public void Execute_MoreOutputElementsThanTheLimit_FailsWithOutputTooLarge()
    {
        using var executor = new ModelExecutor(new ExecutionOptions { MaxOutputElements = 5 });

        var result = executor.Execute(MultiId, Multi.Bytes, TensorList.Of(Vector("a", 4), Vector("b", 4)), 6);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.OutputTooLarge));
    }

    [Test]
    public void Execute_IntAndBoolTensors_RoundTripThroughTheModel()
    {
        var bytes = TestModels.IntAndBool();
        var inputs = TensorList.Of(NamedTensor.Int("i", [3], [-5, 0, int.MaxValue]), NamedTensor.Bool("flag", [2], [true, false]));

        var result = _executor.Execute(ModelId.Compute(bytes), bytes, inputs, 6);

        Assert.That(result.IsSuccess, Is.True, result.Message);
        Assert.That(result.Outputs!.Find("o"), Is.EqualTo(NamedTensor.Int("o", [3], [-5, 0, int.MaxValue])));
        Assert.That(result.Outputs!.Find("notflag"), Is.EqualTo(NamedTensor.Bool("notflag", [2], [false, true])));
    }

    [Test]
    public void Execute_IntValueOutsideTheDeclaredIntegerType_FailsWithBadInput()
    {
        var bytes = TestModels.IntAndBool();
        var inputs = TensorList.Of(NamedTensor.Int("i", [3], [0, 1L << 40, 0]), NamedTensor.Bool("flag", [2], [true, false]));

        var result = _executor.Execute(ModelId.Compute(bytes), bytes, inputs, 6);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.BadInput));
        Assert.That(result.Message, Does.Contain("value 1").And.Contain("Int32"));
    }

    [Test]
    public void Execute_BytesThatDoNotHashToTheId_FailsWithModelUnavailableAndDoesNotLoad()
    {
        var other = SampleModels.LinearRegressor().Bytes;

        var result = _executor.Execute(MultiId, other, TensorList.Of(Vector("a", 4), Vector("b", 4)), 6);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.ModelUnavailable));
        Assert.That(result.Message, Does.Contain("the file was changed"));
        Assert.That(_executor.IsLoaded(MultiId), Is.False);
    }

    [Test]
    public void Execute_GarbageBytes_FailsWithModelInvalid()
    {
        var garbage = new byte[256];
        for (var i = 0; i < garbage.Length; i++)
        {
            garbage[i] = (byte)(i * 37);
        }

        var result = _executor.Execute(ModelId.Compute(garbage), garbage, TensorList.Empty, 6);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.ModelInvalid));
    }

    [Test]
    public void Execute_NotLoadedWithoutBytes_FailsWithModelUnavailable()
    {
        var result = _executor.Execute(MultiId, TensorList.Empty, 6);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.ModelUnavailable));
        Assert.That(result.Message, Does.Contain("not loaded"));
    }

    [Test]
    public void Load_SampleModel_ReturnsTheDeclaredSignatureAndCachesIt()
    {
        var result = _executor.Load(MultiId, Multi.Bytes, out var signature);

        Assert.That(result.IsSuccess, Is.True, result.Message);
        Assert.That(signature!.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(signature.Outputs.Select(o => o.ToString()), Is.EqualTo(new[] { "sum: Float[1,4]", "dot: Float[1,1]", "label: Int64[1,1]" }));
        Assert.That(_executor.Execute(MultiId, TensorList.Of(Vector("a", 4), Vector("b", 4)), 6).IsSuccess, Is.True);
    }

    [Test]
    public void Execute_CacheOfOneWithTwoModels_EvictsTheLeastRecentlyUsed()
    {
        using var executor = new ModelExecutor(new ExecutionOptions { SessionCacheCapacity = 1 });
        var linear = SampleModels.LinearRegressor();
        var linearId = ModelId.FromBytes(linear.Sha256.Span);

        executor.Execute(MultiId, Multi.Bytes, TensorList.Of(Vector("a", 4), Vector("b", 4)), 6);
        executor.Execute(linearId, linear.Bytes, TensorList.Of(Vector("features", 4)), 6);

        Assert.That(executor.LoadedModelCount, Is.EqualTo(1));
        Assert.That(executor.IsLoaded(linearId), Is.True);
        Assert.That(executor.IsLoaded(MultiId), Is.False);
    }

    [Test]
    public async Task Execute_ManyThreadsAlternatingModelsThroughACacheOfOne_AllResultsMatchTheSingleThreadedOnes()
    {
        using var executor = new ModelExecutor(new ExecutionOptions { SessionCacheCapacity = 1 });
        var linear = SampleModels.LinearRegressor();
        var linearId = ModelId.FromBytes(linear.Sha256.Span);
        var multiInputs = TensorList.Of(Vector("a", 4), Vector("b", 4));
        var linearInputs = TensorList.Of(Vector("features", 4));
        var expectedMulti = _executor.Execute(MultiId, Multi.Bytes, multiInputs, 6).EncodeOutputs();
        var expectedLinear = _executor.Execute(linearId, linear.Bytes, linearInputs, 6).EncodeOutputs();

        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 40; i++)
            {
                var useMulti = (i + t) % 2 == 0;
                var result = useMulti
                    ? executor.Execute(MultiId, Multi.Bytes, multiInputs, 6)
                    : executor.Execute(linearId, linear.Bytes, linearInputs, 6);
                if (!result.IsSuccess || !result.EncodeOutputs().AsSpan().SequenceEqual(useMulti ? expectedMulti : expectedLinear))
                {
                    return result.ToString();
                }
            }

            return null;
        }));

        var failures = (await Task.WhenAll(tasks)).Where(f => f is not null).ToList();

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Execute_OutputDecimalsAbove18_ThrowsBecauseItIsACallerBug()
    {
        Assert.That(() => _executor.Execute(MultiId, Multi.Bytes, TensorList.Of(Vector("a", 4), Vector("b", 4)), 19), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void DecodeInputs_NonCanonicalBytes_GivesBadInputNamingTheRule()
    {
        var bytes = TensorList.Of(Vector("a", 4)).Encode();

        var failure = ModelExecutor.DecodeInputs([.. bytes, 0], out var inputs);

        Assert.That(failure!.Reason, Is.EqualTo(FailureReason.BadInput));
        Assert.That(failure.Message, Does.Contain("TrailingBytes"));
        Assert.That(inputs, Is.Empty);
    }

    [Test]
    public void DecodeInputs_CanonicalBytes_GivesTheTensors()
    {
        var list = TensorList.Of(Vector("a", 4), Vector("b", 4));

        var failure = ModelExecutor.DecodeInputs(list.Encode(), out var inputs);

        Assert.That(failure, Is.Null);
        Assert.That(inputs, Is.EqualTo(list));
    }

    private ExecutionResult RunMulti(params NamedTensor[] inputs) =>
        _executor.Execute(MultiId, Multi.Bytes, TensorList.Of(inputs), Multi.Decimals);

    private static NamedTensor Vector(string name, int length) =>
        NamedTensor.FromFloats(name, 6, [1, length], [.. Enumerable.Range(1, length).Select(i => i * 0.25f)]);
}
