using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Inference;
using OpenGradient.Inference.ModelStore;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;
using OpenGradient.Testing;

namespace OpenGradient.Sdk.Tests;

/// <summary>Every way a request can be wrong gives a typed error whose message says what to do, and costs no fee.</summary>
[TestFixture]
public sealed class BadInputTests
{
    private static ModelId Linear => Devnet.Models["linear-regressor"].Id;

    [Test]
    public async Task RequestInference_WrongTensorCount_ThrowsInvalidInputExceptionAndSpendsNothing()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));
        BigInteger before = await client.Token.BalanceOfAsync(Devnet.Key(2).Address);
        var input = TensorList.Of(
            NamedTensor.FromFloats("features", 6, [1, 4], [1f, 2f, 3f, 4f]),
            NamedTensor.FromFloats("extra", 6, [1], [1f]));

        var e = Assert.ThrowsAsync<InvalidInputException>(() => client.RequestInferenceAsync(Linear, input));

        Assert.That(e!.Message, Does.Contain("2 tensor(s) given but the model has 1 input(s)"));
        Assert.That(e.Message, Does.Contain("no fee was spent"));
        Assert.That(await client.Token.BalanceOfAsync(Devnet.Key(2).Address), Is.EqualTo(before));
    }

    [Test]
    public async Task RequestInference_WrongShape_ThrowsInvalidInputException()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));
        var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 3], [1f, 2f, 3f]));

        var e = Assert.ThrowsAsync<InvalidInputException>(() => client.RequestInferenceAsync(Linear, input));

        Assert.That(e!.Problem, Does.Contain("shape [1,3]").And.Contain("declared [1,4]"));
    }

    [Test]
    public async Task RequestInference_WrongElementType_ThrowsInvalidInputException()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));
        var input = TensorList.Of(NamedTensor.Int("features", [1, 4], [1, 2, 3, 4]));

        var e = Assert.ThrowsAsync<InvalidInputException>(() => client.RequestInferenceAsync(Linear, input));

        Assert.That(e!.Problem, Does.Contain("'features' is Int"));
    }

    [Test]
    public async Task RequestInference_UnknownModelId_ThrowsUnknownModelException()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));
        ModelId unknown = ModelId.Compute([1, 2, 3]);

        var e = Assert.ThrowsAsync<UnknownModelException>(() => client.RequestInferenceAsync(unknown, TensorList.Empty));

        Assert.That(e!.ModelId, Is.EqualTo(unknown));
        Assert.That(e.Message, Does.Contain("is not registered").And.Contain("register the model first"));
    }

    [Test]
    public async Task RequestInference_WithoutAllowance_ThrowsRequestRevertedWithDecodedInsufficientAllowance()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(7));
        using InferenceClient funder = await Devnet.ConnectAsync(Devnet.Owner);
        await funder.Token.TransferAsync(Devnet.Key(7).Address, 100 * Devnet.Opg);
        var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [1f, 2f, 3f, 4f]));

        var e = Assert.ThrowsAsync<RequestRevertedException>(() => client.RequestInferenceAsync(Linear, input, new RequestSettings { ApproveIfNeeded = false }));

        Assert.That(e!.Error, Is.TypeOf<ERC20InsufficientAllowanceError>());
        var error = (ERC20InsufficientAllowanceError)e.Error;
        Assert.That(error.Allowance, Is.EqualTo(BigInteger.Zero));
        Assert.That(error.Needed, Is.EqualTo(await client.QuoteFeeAsync(Linear)));
        Assert.That(e.Message, Does.Contain("approve the hub"));
    }

    [Test]
    public async Task RequestInference_WithoutOpg_ThrowsRequestRevertedWithDecodedInsufficientBalance()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(6));
        var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [1f, 2f, 3f, 4f]));

        var e = Assert.ThrowsAsync<RequestRevertedException>(() => client.RequestInferenceAsync(Linear, input));

        Assert.That(e!.Error, Is.TypeOf<ERC20InsufficientBalanceError>());
        Assert.That(((ERC20InsufficientBalanceError)e.Error).Balance, Is.EqualTo(BigInteger.Zero));
        Assert.That(e.Message, Does.Contain("get more OPG"));
    }

    [Test]
    public async Task RegisterModel_TruncatedFile_ThrowsInvalidModelException()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Owner);
        string path = Path.Combine(Devnet.WorkDirectory, "truncated.onnx");
        await File.WriteAllBytesAsync(path, CorruptModel.Truncate(SampleModels.MlpClassifier().Bytes.Span));

        var e = Assert.ThrowsAsync<InvalidModelException>(() => client.RegisterModelAsync(path, new ModelRegistration { Tolerance = 1 }));

        Assert.That(e!.Message, Does.Contain("cannot be loaded by ONNX Runtime"));
    }

    [Test]
    public async Task RequestInference_ModelFileSwappedAtItsUri_ThrowsModelIntegrityExceptionAndNeverRunsIt()
    {
        // A model registered at a plain file URI whose file is then replaced by another model.
        using InferenceClient owner = await Devnet.ConnectAsync(Devnet.Owner);
        string path = Path.Combine(Devnet.WorkDirectory, "swapped.onnx");
        byte[] original = SampleModels.MlpClassifier().ToArray();
        byte[] variant = CorruptModel.FlipLastByte(original);
        await File.WriteAllBytesAsync(path, variant);
        ModelId id = ModelId.Compute(variant);
        await owner.Registry.RegisterModelAsync(id.ToArray(), new Uri(path).AbsoluteUri, BigInteger.Zero, 6, 5);
        await File.WriteAllBytesAsync(path, SampleModels.LinearRegressor().ToArray());
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));

        var e = Assert.ThrowsAsync<ModelIntegrityException>(() => client.RequestInferenceAsync(id, TensorList.Empty));

        Assert.That(e!.Expected, Is.EqualTo(id));
        Assert.That(e.Actual, Is.EqualTo(ModelId.Compute(SampleModels.LinearRegressor().Bytes.Span)));
    }

    [Test]
    public void Connect_RpcDown_ThrowsRpcUnavailableException()
    {
        int port = FreePort.Next();
        var options = new InferenceClientOptions
        {
            RpcUrl = new Uri($"http://127.0.0.1:{port}/"),
            DeploymentPath = Devnet.Deployment.DeploymentJsonPath,
            ModelStoreDirectory = Path.Combine(Devnet.WorkDirectory, "down"),
        };
        options.Rpc.Resilience.MaxRetryAttempts = 0;

        var e = Assert.ThrowsAsync<RpcUnavailableException>(() => InferenceClient.ConnectAsync(options));

        Assert.That(e!.Message, Does.Contain($"127.0.0.1:{port}").And.Contain("Check that the node is running"));
    }

    [Test]
    public async Task WaitForResult_NoNodePosts_ThrowsJobWaitTimeoutException()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));
        var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [1f, 2f, 3f, 4f]));
        SubmittedJob job = await client.RequestInferenceAsync(Linear, input);

        var e = Assert.ThrowsAsync<JobWaitTimeoutException>(() => client.WaitForResultAsync(job.JobId, TimeSpan.FromMilliseconds(300)));

        Assert.That(e!.JobId, Is.EqualTo(job.JobId));
        Assert.That(e.Message, Does.Contain("expire("));
    }

    [Test]
    public async Task WaitForResult_UnknownJob_ThrowsJobNotFoundException()
    {
        using InferenceClient client = await Devnet.ConnectAsync(null);

        var e = Assert.ThrowsAsync<JobNotFoundException>(() => client.WaitForResultAsync(new BigInteger(999_999), TimeSpan.FromSeconds(30)));

        Assert.That(e!.JobId, Is.EqualTo(new BigInteger(999_999)));
    }
}
