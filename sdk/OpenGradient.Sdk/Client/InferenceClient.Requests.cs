using System.Numerics;
using System.Text.Json.Nodes;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.TypedData;
using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Sdk;

public sealed partial class InferenceClient
{
    private static readonly IReadOnlyList<TypedDataField> InferenceRequestType =
    [
        new("requester", "address"), new("modelId", "bytes32"), new("input", "bytes"), new("maxFee", "uint256"),
        new("callbackGasLimit", "uint32"), new("mode", "uint8"), new("nonce", "uint256"), new("deadline", "uint256"),
    ];

    private static readonly IReadOnlyList<TypedDataField> PermitType =
    [
        new("owner", "address"), new("spender", "address"), new("value", "uint256"), new("nonce", "uint256"), new("deadline", "uint256"),
    ];

    /// <summary>
    /// Requests an inference paid by the client's account: checks the input against the model's declared inputs (so a
    /// bad input costs nothing), then approves the fee if needed (or signs a permit) and sends the request.
    /// </summary>
    /// <exception cref="UnknownModelException">The model is not registered or deactivated.</exception>
    /// <exception cref="InvalidInputException">The tensors do not fit the model's inputs.</exception>
    /// <exception cref="RequestRevertedException">The hub rejected the request (decoded: allowance, balance, max fee, …).</exception>
    /// <exception cref="RpcUnavailableException">The node cannot be reached.</exception>
    public async Task<SubmittedJob> RequestInferenceAsync(ModelId modelId, TensorList inputs, RequestSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        settings ??= new RequestSettings();
        EthKey key = RequireAccount("request an inference");
        byte[] input = await PrepareInputAsync(modelId, inputs, cancellationToken).ConfigureAwait(false);
        BigInteger fee = await QuoteFeeAsync(modelId, cancellationToken).ConfigureAwait(false);
        BigInteger maxFee = settings.MaxFee ?? fee;
        var options = new RequestOptions(maxFee, settings.CallbackGasLimit, 0);
        try
        {
            TransactionReceipt receipt;
            if (settings.UsePermit)
            {
                Permit permit = await SignPermitAsync(key, maxFee, settings.SignatureValidity, cancellationToken).ConfigureAwait(false);
                receipt = await Guard(_rpc, () => Hub.RequestInferenceWithPermitAsync(modelId.ToArray(), input, options, permit, null, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                if (settings.ApproveIfNeeded)
                {
                    BigInteger allowance = await Guard(_rpc, () => Token.AllowanceAsync(key.Address, Hub.Address, null, cancellationToken)).ConfigureAwait(false);
                    if (allowance < fee)
                    {
                        await Guard(_rpc, () => Token.ApproveAsync(Hub.Address, maxFee, null, cancellationToken)).ConfigureAwait(false);
                    }
                }

                receipt = await Guard(_rpc, () => Hub.RequestInferenceAsync(modelId.ToArray(), input, options, null, cancellationToken)).ConfigureAwait(false);
            }

            return ToSubmittedJob(receipt);
        }
        catch (ContractErrorException e)
        {
            throw new RequestRevertedException($"The inference request on model {modelId}", e);
        }
    }

    /// <summary>
    /// Builds and signs, with <paramref name="wallet"/>, an EIP-712 <c>InferenceRequest</c> and an EIP-2612 permit for its
    /// fee. Hand the result to any relayer (<see cref="RelayAsync"/>): the wallet needs OPG but no gas.
    /// </summary>
    /// <exception cref="UnknownModelException">The model is not registered or deactivated.</exception>
    /// <exception cref="InvalidInputException">The tensors do not fit the model's inputs.</exception>
    public async Task<SignedInferenceRequest> CreateSignedRequestAsync(
        EthKey wallet,
        ModelId modelId,
        TensorList inputs,
        RequestSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        ArgumentNullException.ThrowIfNull(inputs);
        settings ??= new RequestSettings();
        byte[] input = await PrepareInputAsync(modelId, inputs, cancellationToken).ConfigureAwait(false);
        BigInteger maxFee = settings.MaxFee ?? await QuoteFeeAsync(modelId, cancellationToken).ConfigureAwait(false);
        BigInteger nonce = await Guard(_rpc, () => Hub.NoncesAsync(wallet.Address, null, cancellationToken)).ConfigureAwait(false);
        BigInteger deadline = await DeadlineAsync(settings.SignatureValidity, cancellationToken).ConfigureAwait(false);
        var request = new SignedRequest(wallet.Address, modelId.ToArray(), maxFee, settings.CallbackGasLimit, 0, nonce, deadline);

        InferenceHubService.Eip712DomainOutput d = await Guard(_rpc, () => Hub.Eip712DomainAsync(null, cancellationToken)).ConfigureAwait(false);
        TypedDataDomain domain = Domain(d.Name, d.Version, d.ChainId, d.VerifyingContract);
        var message = new JsonObject
        {
            ["requester"] = wallet.Address.ToString(),
            ["modelId"] = modelId.ToString(),
            ["input"] = Hex.Encode(input),
            ["maxFee"] = maxFee.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["callbackGasLimit"] = settings.CallbackGasLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["mode"] = "0",
            ["nonce"] = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["deadline"] = deadline.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var typed = new Eip712TypedData(domain, new Dictionary<string, IReadOnlyList<TypedDataField>> { ["InferenceRequest"] = InferenceRequestType }, "InferenceRequest", message);
        byte[] signature = typed.Sign(wallet).ToBytes();
        Permit permit = await SignPermitAsync(wallet, maxFee, settings.SignatureValidity, cancellationToken).ConfigureAwait(false);
        return new SignedInferenceRequest(request, input, signature, permit);
    }

    /// <summary>Submits a wallet's signed request from the client's account (the relayer pays the gas; the wallet the fee).</summary>
    /// <exception cref="RequestRevertedException">The hub rejected it (expired, bad signature, nonce used, allowance, …).</exception>
    public async Task<SubmittedJob> RelayAsync(SignedInferenceRequest signed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signed);
        RequireAccount("relay a signed request");
        try
        {
            TransactionReceipt receipt = await Guard(_rpc, () => Hub.RequestInferenceBySigAsync(signed.Request, signed.Input, signed.Signature, signed.Permit, null, cancellationToken)).ConfigureAwait(false);
            return ToSubmittedJob(receipt);
        }
        catch (ContractErrorException e)
        {
            throw new RequestRevertedException($"Relaying the signed request of {signed.Request.Requester}", e);
        }
    }

    /// <summary>Checks the tensors against the model's declared inputs and returns their canonical encoding.</summary>
    private async Task<byte[]> PrepareInputAsync(ModelId modelId, TensorList inputs, CancellationToken cancellationToken)
    {
        ModelInfo model = await GetModelAsync(modelId, cancellationToken).ConfigureAwait(false);
        if (!model.Active)
        {
            throw new UnknownModelException(modelId, "is deactivated by its owner, so the hub accepts no requests for it. Use another model.");
        }

        ModelSignature signature = await LoadSignatureAsync(model, cancellationToken).ConfigureAwait(false);
        InputValidator.Validate(modelId, signature, inputs);
        return inputs.Encode();
    }

    private async Task<ModelSignature> LoadSignatureAsync(ModelInfo model, CancellationToken cancellationToken)
    {
        byte[] bytes = await _fetcher.FetchAsync(model.Id, model.Uri, cancellationToken).ConfigureAwait(false);
        ExecutionResult load = _executor.Load(model.Id, bytes, out ModelSignature? signature);
        return load.IsSuccess && signature is not null ? signature : throw new InvalidModelException(model.Uri, load.Message);
    }

    private async Task<Permit> SignPermitAsync(EthKey owner, BigInteger value, TimeSpan validity, CancellationToken cancellationToken)
    {
        BigInteger nonce = await Guard(_rpc, () => Token.NoncesAsync(owner.Address, null, cancellationToken)).ConfigureAwait(false);
        BigInteger deadline = await DeadlineAsync(validity, cancellationToken).ConfigureAwait(false);
        OPGTokenService.Eip712DomainOutput d = await Guard(_rpc, () => Token.Eip712DomainAsync(null, cancellationToken)).ConfigureAwait(false);
        TypedDataDomain domain = Domain(d.Name, d.Version, d.ChainId, d.VerifyingContract);
        var message = new JsonObject
        {
            ["owner"] = owner.Address.ToString(),
            ["spender"] = Hub.Address.ToString(),
            ["value"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["nonce"] = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["deadline"] = deadline.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var typed = new Eip712TypedData(domain, new Dictionary<string, IReadOnlyList<TypedDataField>> { ["Permit"] = PermitType }, "Permit", message);
        EthSignature signature = typed.Sign(owner);
        return new Permit(value, deadline, signature.V, signature.R.ToArray(), signature.S.ToArray());
    }

    private static TypedDataDomain Domain(string name, string version, BigInteger chainId, Address verifyingContract) =>
        new() { Name = name, Version = version, ChainId = chainId, VerifyingContract = verifyingContract };

    /// <summary>A signature deadline from the chain's clock (which a devnet may have moved ahead of ours).</summary>
    private async Task<BigInteger> DeadlineAsync(TimeSpan validity, CancellationToken cancellationToken)
    {
        Block latest = await Guard(_rpc, () => _rpc.GetBlockAsync(BlockParameter.Latest, false, cancellationToken)).ConfigureAwait(false)
            ?? throw new RpcResponseFormatException("eth_getBlockByNumber", "the node has no latest block.");
        return new BigInteger(latest.Timestamp) + (long)validity.TotalSeconds;
    }

    private SubmittedJob ToSubmittedJob(TransactionReceipt receipt)
    {
        IReadOnlyList<InferenceRequestedEvent> events = InferenceRequestedEvent.DecodeAll(receipt.Logs, Hub.Address);
        if (events.Count != 1)
        {
            throw new RpcResponseFormatException("eth_getTransactionReceipt", $"the request transaction {receipt.TransactionHash} has {events.Count} InferenceRequested events; expected 1. Is the deployment file for this chain?");
        }

        return ToSubmittedJob(events[0]);
    }

    private static SubmittedJob ToSubmittedJob(InferenceRequestedEvent e) => new(
        e.JobId,
        ModelId.FromBytes(e.ModelId),
        e.Requester,
        e.Executor,
        e.ModelFee + e.NodeFee + e.ProtocolFee,
        e.ResultDeadline,
        e.Log?.BlockNumber ?? 0,
        e.Log?.TransactionHash ?? string.Empty);
}
