using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.ModelStore;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;
using OpenGradient.Oracle.Execution;
using OpenGradient.Oracle.Jobs;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;
using OpenGradient.Oracle.Storage;
using OpenGradient.Oracle.Testing;
using OpenGradient.Oracle.Verification;

namespace OpenGradient.Oracle.Tests.Jobs;

/// <summary>
/// The job features over real parts (a SQLite file, the ONNX execution core, the sample models on disk) with the
/// chain replaced by <see cref="FakeHub"/> and <see cref="FakeChainView"/>, and time by a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class JobRig : IDisposable
{
    // Public Hardhat development keys (accounts 1 and 2).
    private const string SelfKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private const string OtherKey = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    private readonly string _folder;
    private readonly ModelExecutor _executor;
    private readonly HttpClient _http = new();
    private ulong _nextJobId = 1;

    public JobRig(TestingOptions? testing = null, VerificationOptions? verification = null, JobsOptions? jobs = null)
    {
        _folder = Path.Combine(Path.GetTempPath(), "og-oracle-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Database = new NodeDatabase(Path.Combine(_folder, "node.db"), [new JobsMigration()]);
        Store = new JobStore(Database);
        Key = new NodeKey(EthKey.Parse(SelfKey), NodeKeySource.DevPrivateKey);
        Other = EthKey.Parse(OtherKey).Address;
        Testing = testing ?? new TestingOptions();
        Verification = verification ?? new VerificationOptions { TickInterval = TimeSpan.FromMilliseconds(50) };
        Jobs = jobs ?? new JobsOptions { RetryDelay = TimeSpan.FromMilliseconds(50) };
        _executor = new ModelExecutor();
        var fetcher = new ModelFetcher(new ModelStoreOptions { StoreDirectory = Path.Combine(_folder, "models"), MaxRetryAttempts = 0 }, _http, Time);
        Runner = new InferenceRunner(_executor, fetcher, Chain, Time);
        Judge = new OutcomeJudge(Runner);
        Linear = Register(SampleModels.LinearRegressor());
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public FakeHub Hub { get; } = new();

    public FakeChainView Chain { get; } = new();

    public OracleMetrics Metrics { get; } = new();

    public NodeDatabase Database { get; }

    public JobStore Store { get; }

    public NodeKey Key { get; }

    public Address Other { get; }

    public TestingOptions Testing { get; }

    public VerificationOptions Verification { get; }

    public JobsOptions Jobs { get; }

    public InferenceRunner Runner { get; }

    public OutcomeJudge Judge { get; }

    /// <summary>The linear regressor sample (input "features" float32[1,4], tolerance 10).</summary>
    public ModelId Linear { get; }

    /// <summary>Writes the model to a file, registers it with the fake registry and returns its id.</summary>
    public ModelId Register(SampleModel model, string? uri = null)
    {
        var id = ModelId.FromBytes(model.Sha256.Span);
        var path = Path.Combine(_folder, model.FileName);
        File.WriteAllBytes(path, model.ToArray());
        Chain.Models[id] = new ModelTerms(uri ?? new Uri(path).AbsoluteUri, model.Decimals, (ulong)model.Tolerance);
        return id;
    }

    /// <summary>Registers bytes that are not the file of <paramref name="id"/> under its id (a corrupt download).</summary>
    public void RegisterWrongFile(ModelId id, byte[] bytes)
    {
        var path = Path.Combine(_folder, "wrong-" + id.ToHexNoPrefix() + ".onnx");
        File.WriteAllBytes(path, bytes);
        Chain.Models[id] = new ModelTerms(new Uri(path).AbsoluteUri, 6, 10);
    }

    /// <summary>A valid input of the linear regressor.</summary>
    public static byte[] LinearInput(float a = 0.5f, float b = -1.25f, float c = 2f, float d = 0.125f) =>
        TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [a, b, c, d])).Encode();

    /// <summary>An input of the wrong shape for the linear regressor.</summary>
    public static byte[] WrongShapeInput() =>
        TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 3], [1f, 2f, 3f])).Encode();

    /// <summary>Records a request as the dispatcher would; returns the job id.</summary>
    public ulong Request(byte[] input, bool assignedToSelf, ModelId? model = null, uint callbackGasLimit = 0)
    {
        var jobId = _nextJobId++;
        var e = new JobRequested(jobId, Other, assignedToSelf ? Key.Address : Other, model ?? Linear, input, callbackGasLimit, Chain.Now + 120);
        Store.AddRequested(e, assignedToSelf);
        return jobId;
    }

    /// <summary>What an honest node posts for this input.</summary>
    public async Task<byte[]> HonestOutputAsync(byte[] input, ModelId? model = null)
    {
        var outcome = await Runner.RunAsync(model ?? Linear, input, CancellationToken.None);
        return outcome.Outputs!.Encode();
    }

    public JobPipeline Pipeline() =>
        new(Store, Runner, Hub, Chain, Options.Create(Jobs), Options.Create(Testing), Metrics, Time, NullLogger<JobPipeline>.Instance);

    public ResultVerifier Verifier() =>
        new(Store, Judge, Hub, Chain, Options.Create(Verification), Options.Create(Testing), Metrics, Time, NullLogger<ResultVerifier>.Instance);

    public DisputeDuties Disputes() =>
        new(Store, Judge, Hub, Chain, Key, Options.Create(Verification), Metrics, Time, NullLogger<DisputeDuties>.Instance);

    public SettlementDuties Settlement() =>
        new(Store, Hub, Chain, Key, Options.Create(Verification), Metrics, Time, NullLogger<SettlementDuties>.Instance);

    public void Dispose()
    {
        _executor.Dispose();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned by the OS.
        }
    }
}
