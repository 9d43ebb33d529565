using System.Net;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.ModelStore;
using OpenGradient.Inference.Tensors;
using OpenGradient.Inference.Tests.Support;
using OpenGradient.Models.Samples;

namespace OpenGradient.Inference.Tests.ModelStore;

public sealed class ModelFetcherTests
{
    private static readonly SampleModel Linear = SampleModels.LinearRegressor();
    private static readonly ModelId LinearId = ModelId.FromBytes(Linear.Sha256.Span);
    private string _root = null!;
    private HttpClient _http = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Path.Combine(Path.GetTempPath(), "og-model-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        _http = new HttpClient();
    }

    [TearDown]
    public void RemoveFolders()
    {
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task FetchAsync_FileUri_ReturnsTheBytesAndStoresThemByHash()
    {
        var path = WriteSource("linear.onnx", Linear.ToArray());
        var fetcher = Fetcher();

        var bytes = await fetcher.FetchAsync(LinearId, new Uri(path).AbsoluteUri);

        Assert.That(bytes, Is.EqualTo(Linear.ToArray()));
        Assert.That(File.Exists(Path.Combine(_root, "store", LinearId.ToHexNoPrefix() + ".onnx")), Is.True);
    }

    [Test]
    public async Task FetchAsync_SecondTime_IsServedFromTheStoreEvenWhenTheSourceIsGone()
    {
        var path = WriteSource("linear.onnx", Linear.ToArray());
        var fetcher = Fetcher();
        await fetcher.FetchAsync(LinearId, new Uri(path).AbsoluteUri);
        File.Delete(path);

        var bytes = await fetcher.FetchAsync(LinearId, new Uri(path).AbsoluteUri);

        Assert.That(bytes, Is.EqualTo(Linear.ToArray()));
    }

    [Test]
    public void FetchAsync_SwappedFile_ThrowsModelIntegrityExceptionAndNeverStoresIt()
    {
        var swapped = SampleModels.MlpClassifier().ToArray();
        var path = WriteSource("linear.onnx", swapped);
        var fetcher = Fetcher();

        var e = Assert.ThrowsAsync<ModelIntegrityException>(() => fetcher.FetchAsync(LinearId, new Uri(path).AbsoluteUri));

        Assert.That(e!.Expected, Is.EqualTo(LinearId));
        Assert.That(e.Actual, Is.EqualTo(ModelId.Compute(swapped)));
        Assert.That(e.Message, Does.Contain($"has sha256 {ModelId.Compute(swapped)} but the model id is {LinearId}").And.Contain("the file was changed or the URI points to another model"));
        Assert.That(Directory.GetFiles(fetcher.Store.Root), Is.Empty);
    }

    [Test]
    public void FetchAsync_MissingFile_ThrowsModelFetchExceptionSayingToCheckThePath()
    {
        var e = Assert.ThrowsAsync<ModelFetchException>(() => Fetcher().FetchAsync(LinearId, new Uri(Path.Combine(_root, "nope.onnx")).AbsoluteUri));

        Assert.That(e!.Message, Does.Contain("Check the path"));
    }

    [Test]
    public async Task FetchAsync_CorruptedStoreFile_IsDroppedAndFetchedAgain()
    {
        var path = WriteSource("linear.onnx", Linear.ToArray());
        var fetcher = Fetcher();
        await fetcher.FetchAsync(LinearId, new Uri(path).AbsoluteUri);
        await File.WriteAllBytesAsync(fetcher.Store.PathFor(LinearId), CorruptModel.Truncate(Linear.Bytes.Span));

        var bytes = await fetcher.FetchAsync(LinearId, new Uri(path).AbsoluteUri);

        Assert.That(bytes, Is.EqualTo(Linear.ToArray()));
        Assert.That(await File.ReadAllBytesAsync(fetcher.Store.PathFor(LinearId)), Is.EqualTo(Linear.ToArray()));
    }

    [Test]
    public async Task FetchAsync_ContentAddressedUri_ReadsTheStore()
    {
        var fetcher = Fetcher();
        fetcher.Store.Write(LinearId, Linear.Bytes.Span);

        var bytes = await fetcher.FetchAsync(LinearId, ModelFetcher.ContentAddressedUri(LinearId));

        Assert.That(bytes, Is.EqualTo(Linear.ToArray()));
    }

    [Test]
    public void FetchAsync_ContentAddressedUriNotInStore_ThrowsModelFetchException()
    {
        var e = Assert.ThrowsAsync<ModelFetchException>(() => Fetcher().FetchAsync(LinearId, ModelFetcher.ContentAddressedUri(LinearId)));

        Assert.That(e!.Message, Does.Contain("not in the local store"));
    }

    [Test]
    public void Write_BytesOfAnotherModel_ThrowsModelIntegrityException()
    {
        var store = new ContentAddressedModelStore(Path.Combine(_root, "store"));

        Assert.That(() => store.Write(LinearId, SampleModels.MultiOutput().Bytes.Span), Throws.TypeOf<ModelIntegrityException>());
        Assert.That(File.Exists(store.PathFor(LinearId)), Is.False);
    }

    [Test]
    public async Task FetchAsync_LoopbackHttp_ReturnsTheBytes()
    {
        await using var server = new LoopbackHttpServer(_ => (200, Linear.ToArray()));

        var bytes = await Fetcher().FetchAsync(LinearId, server.Url("linear.onnx"));

        Assert.That(bytes, Is.EqualTo(Linear.ToArray()));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task FetchAsync_Http500ThenOk_RetriesAndSucceeds()
    {
        await using var server = new LoopbackHttpServer(n => n <= 2 ? (500, []) : (200, Linear.ToArray()));

        var bytes = await Fetcher().FetchAsync(LinearId, server.Url("linear.onnx"));

        Assert.That(bytes, Is.EqualTo(Linear.ToArray()));
        Assert.That(server.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task FetchAsync_Http500Always_ThrowsModelFetchExceptionAfterEveryAttempt()
    {
        await using var server = new LoopbackHttpServer(_ => (500, []));

        var e = Assert.ThrowsAsync<ModelFetchException>(() => Fetcher().FetchAsync(LinearId, server.Url("linear.onnx")));

        Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(e.Message, Does.Contain("answered 500").And.Contain("check the server"));
        Assert.That(server.Requests, Is.EqualTo(4));
    }

    [Test]
    public async Task FetchAsync_Http404_DoesNotRetry()
    {
        await using var server = new LoopbackHttpServer(_ => (404, []));

        var e = Assert.ThrowsAsync<ModelFetchException>(() => Fetcher().FetchAsync(LinearId, server.Url("missing.onnx")));

        Assert.That(e!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task FetchAsync_HttpServesAnotherModel_ThrowsModelIntegrityException()
    {
        await using var server = new LoopbackHttpServer(_ => (200, SampleModels.MultiOutput().ToArray()));

        Assert.ThrowsAsync<ModelIntegrityException>(() => Fetcher().FetchAsync(LinearId, server.Url("linear.onnx")));
    }

    [Test]
    public async Task FetchAsync_ServerDown_ThrowsModelFetchExceptionSayingToCheckTheServer()
    {
        string url;
        await using (var server = new LoopbackHttpServer(_ => (200, [])))
        {
            url = server.Url("linear.onnx");
        }

        var e = Assert.ThrowsAsync<ModelFetchException>(() => Fetcher().FetchAsync(LinearId, url));

        Assert.That(e!.Message, Does.Contain("Check that the server is running"));
    }

    [Test]
    public async Task FetchAsync_ServerNeverAnswers_EachAttemptTimesOutAndTheFetchFails()
    {
        await using var server = new LoopbackHttpServer(_ => (0, []));
        var fetcher = new ModelFetcher(
            new ModelStoreOptions
            {
                StoreDirectory = Path.Combine(_root, "store"),
                MaxRetryAttempts = 1,
                RetryBaseDelay = TimeSpan.Zero,
                AttemptTimeout = TimeSpan.FromMilliseconds(200),
            },
            _http);

        var e = Assert.ThrowsAsync<ModelFetchException>(() => fetcher.FetchAsync(LinearId, server.Url("linear.onnx")));

        Assert.That(e!.InnerException, Is.TypeOf<Polly.Timeout.TimeoutRejectedException>());
        Assert.That(e.Message, Does.Contain("after 2 attempts"));
    }

    [Test]
    public void FetchAsync_NonLoopbackHttp_IsRefusedWithoutAnyRequest()
    {
        var e = Assert.ThrowsAsync<ModelFetchException>(() => Fetcher().FetchAsync(LinearId, "http://models.example.invalid/linear.onnx"));

        Assert.That(e!.Message, Does.Contain("AllowNonLoopbackHttp"));
    }

    [Test]
    public void FetchAsync_ModelAboveTheSizeLimit_ThrowsModelFetchException()
    {
        var path = WriteSource("linear.onnx", Linear.ToArray());
        var fetcher = Fetcher(maxBytes: 100);

        var e = Assert.ThrowsAsync<ModelFetchException>(() => fetcher.FetchAsync(LinearId, new Uri(path).AbsoluteUri));

        Assert.That(e!.Message, Does.Contain("MaxModelBytes"));
    }

    [Test]
    public void FetchAsync_RelativeUri_ThrowsModelFetchExceptionShowingTheAcceptedForms()
    {
        var e = Assert.ThrowsAsync<ModelFetchException>(() => Fetcher().FetchAsync(LinearId, "models/linear.onnx"));

        Assert.That(e!.Message, Does.Contain("file:///"));
    }

    [Test]
    public async Task ExecuteAsync_SwappedModelFile_FailsWithModelUnavailableAndNeverRuns()
    {
        var path = WriteSource("linear.onnx", SampleModels.MlpClassifier().ToArray());
        using var executor = new ModelExecutor();
        var inputs = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [1f, 2f, 3f, 4f]));

        var result = await executor.ExecuteAsync(LinearId, new Uri(path).AbsoluteUri, Fetcher(), inputs, 6);

        Assert.That(result.Reason, Is.EqualTo(FailureReason.ModelUnavailable));
        Assert.That(result.Message, Does.Contain("the file was changed or the URI points to another model"));
        Assert.That(executor.LoadedModelCount, Is.Zero);
    }

    [Test]
    public async Task ExecuteAsync_GoodModelFile_FetchesLoadsAndRuns()
    {
        await using var server = new LoopbackHttpServer(_ => (200, Linear.ToArray()));
        using var executor = new ModelExecutor();
        var inputs = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [1f, 2f, 3f, 4f]));
        var fetcher = Fetcher();

        var first = await executor.ExecuteAsync(LinearId, server.Url("linear.onnx"), fetcher, inputs, 6);
        var second = await executor.ExecuteAsync(LinearId, server.Url("linear.onnx"), fetcher, inputs, 6);

        Assert.That(first.IsSuccess, Is.True, first.Message);
        Assert.That(second.EncodeOutputs(), Is.EqualTo(first.EncodeOutputs()));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    private ModelFetcher Fetcher(long maxBytes = 1 << 20) =>
        new(
            new ModelStoreOptions
            {
                StoreDirectory = Path.Combine(_root, "store"),
                MaxRetryAttempts = 3,
                RetryBaseDelay = TimeSpan.Zero,
                AttemptTimeout = TimeSpan.FromSeconds(30),
                MaxModelBytes = maxBytes,
            },
            _http);

    private string WriteSource(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
