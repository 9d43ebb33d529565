using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.ModelStore;

namespace OpenGradient.Sdk;

/// <summary>
/// The OpenGradient client: register and list models, request inferences (from a key, with a permit, or as an EIP-712 signed
/// request that any relayer submits), wait for and decode results, read job history, and verify a result by running
/// the same model locally with the oracle's settings. Create it with <see cref="ConnectAsync"/>; dispose it to free the
/// RPC connection and the loaded models.
/// </summary>
public sealed partial class InferenceClient : IDisposable
{
    private readonly JsonRpcClient _rpc;
    private readonly HttpClient _http;
    private readonly ModelExecutor _executor;
    private readonly ModelFetcher _fetcher;
    private readonly TimeProvider _time;
    private readonly InferenceClientOptions _options;
    private readonly EthKey? _account;
    private readonly LogRangeReader _logs;

    private InferenceClient(InferenceClientOptions options, Deployment deployment, JsonRpcClient rpc, EthKey? account, TimeProvider time)
    {
        _options = options;
        _rpc = rpc;
        _account = account;
        _time = time;
        _logs = new LogRangeReader(rpc, options.LogPageBlocks);
        Deployment = deployment;
        var web3 = new Web3(rpc, account);
        Token = new OPGTokenService(web3, deployment.Token);
        Registry = new ModelRegistryService(web3, deployment.Registry);
        Hub = new InferenceHubService(web3, deployment.Hub);
        _http = new HttpClient();
        string store = options.ModelStoreDirectory
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".opengradient", "models");
        _fetcher = new ModelFetcher(new ModelStoreOptions { StoreDirectory = store, AllowNonLoopbackHttp = options.AllowNonLoopbackHttp }, _http, time);
        _executor = new ModelExecutor(new ExecutionOptions { IntraOpThreads = options.IntraOpThreads });
    }

    /// <summary>The contract addresses in use.</summary>
    public Deployment Deployment { get; }

    /// <summary>The account that signs and pays, or null for a read-only client.</summary>
    public Address? Account => _account?.Address;

    /// <summary>The typed OPGToken binding (for balances, transfers, approvals).</summary>
    public OPGTokenService Token { get; }

    /// <summary>The typed ModelRegistry binding.</summary>
    public ModelRegistryService Registry { get; }

    /// <summary>The typed InferenceHub binding.</summary>
    public InferenceHubService Hub { get; }

    /// <summary>
    /// Validates the options, reads the deployment, and checks that the node answers and is on the deployment's chain.
    /// </summary>
    /// <param name="options">Where the node and the deployment are.</param>
    /// <param name="account">The key that signs and pays; null for a read-only client (history, waiting, verification).</param>
    /// <param name="timeProvider">The clock for waits and timeouts (default the system clock).</param>
    /// <param name="cancellationToken">Cancels the connection check.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="DeploymentFileException">The deployment file is missing or malformed.</exception>
    /// <exception cref="RpcUnavailableException">The node cannot be reached.</exception>
    /// <exception cref="ChainMismatchException">The node is on another chain.</exception>
    public static async Task<InferenceClient> ConnectAsync(
        InferenceClientOptions options,
        EthKey? account = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Deployment deployment = options.Deployment ?? Deployment.Load(options.DeploymentPath!);
        TimeProvider time = timeProvider ?? TimeProvider.System;
        var rpc = new JsonRpcClient(options.RpcUrl!, options.Rpc, time);
        try
        {
            ulong chainId = await Guard(rpc, () => rpc.GetChainIdAsync(cancellationToken)).ConfigureAwait(false);
            ulong expected = options.ExpectedChainId ?? deployment.ChainId;
            if (chainId != expected || chainId != deployment.ChainId)
            {
                throw new ChainMismatchException(expected != chainId ? expected : deployment.ChainId, chainId, rpc.Endpoint);
            }

            return new InferenceClient(options, deployment, rpc, account, time);
        }
        catch
        {
            rpc.Dispose();
            throw;
        }
    }

    /// <summary>The registered model <paramref name="modelId"/>.</summary>
    /// <exception cref="UnknownModelException">No such model is registered.</exception>
    /// <exception cref="RpcUnavailableException">The node cannot be reached.</exception>
    public async Task<ModelInfo> GetModelAsync(ModelId modelId, CancellationToken cancellationToken = default)
    {
        try
        {
            Model m = await Guard(_rpc, () => Registry.GetModelAsync(modelId.ToArray(), null, cancellationToken)).ConfigureAwait(false);
            return new ModelInfo(modelId, m.Owner, m.FeePerJob, m.Active, m.OutputDecimals, m.Tolerance, m.Uri);
        }
        catch (ContractErrorException e) when (e.Error is ModelNotFoundError)
        {
            throw new UnknownModelException(modelId, "is not registered. Check the id (the sha256 of the ONNX file) or register the model first (RegisterModelAsync).", e);
        }
    }

    /// <summary>
    /// Registers an ONNX file: hashes it (the model id), checks that ONNX Runtime can load it, puts it in the
    /// content-addressed store, and registers it on chain with its URI and terms. The account becomes its owner.
    /// </summary>
    /// <exception cref="InvalidModelException">The file is not a loadable ONNX model.</exception>
    /// <exception cref="RequestRevertedException">The registry rejected it (e.g. already registered, bad decimals).</exception>
    public async Task<ModelInfo> RegisterModelAsync(string onnxPath, ModelRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onnxPath);
        ArgumentNullException.ThrowIfNull(registration);
        RequireAccount("register a model");
        byte[] bytes = await File.ReadAllBytesAsync(onnxPath, cancellationToken).ConfigureAwait(false);
        ModelId id = ModelId.Compute(bytes);
        ExecutionResult load = _executor.Load(id, bytes, out _);
        if (!load.IsSuccess)
        {
            throw new InvalidModelException(onnxPath, load.Message);
        }

        string stored = _fetcher.Store.Write(id, bytes, onnxPath);
        string uri = registration.Uri ?? new Uri(Path.GetFullPath(stored)).AbsoluteUri;
        try
        {
            await Guard(_rpc, () => Registry.RegisterModelAsync(id.ToArray(), uri, registration.FeePerJob, checked((byte)registration.OutputDecimals), registration.Tolerance, null, cancellationToken)).ConfigureAwait(false);
        }
        catch (ContractErrorException e)
        {
            throw new RequestRevertedException($"Registering model {id}", e);
        }

        return await GetModelAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The total fee of one job on <paramref name="modelId"/> now (model + node + protocol), in OPG wei.</summary>
    public async Task<BigInteger> QuoteFeeAsync(ModelId modelId, CancellationToken cancellationToken = default)
    {
        InferenceHubService.QuoteFeeOutput quote = await Guard(_rpc, () => Hub.QuoteFeeAsync(modelId.ToArray(), null, cancellationToken)).ConfigureAwait(false);
        return quote.Total;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _executor.Dispose();
        _http.Dispose();
        _rpc.Dispose();
    }

    /// <summary>Runs an RPC-backed operation, turning transport failures into <see cref="RpcUnavailableException"/>.</summary>
    internal static async Task<T> Guard<T>(JsonRpcClient rpc, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (RpcTransportException e)
        {
            throw new RpcUnavailableException(rpc.Endpoint, e);
        }
        catch (HttpRequestException e)
        {
            throw new RpcUnavailableException(rpc.Endpoint, e);
        }
    }

    private EthKey RequireAccount(string action) =>
        _account ?? throw new InvalidOperationException($"This client has no account key, so it cannot {action}; connect with an EthKey (InferenceClient.ConnectAsync(options, key)).");
}
