using OpenGradient.Contracts;

namespace OpenGradient.Sdk;

/// <summary>
/// The chain rejected a request or registration with a custom error, decoded in <see cref="Error"/> (e.g.
/// <see cref="ERC20InsufficientAllowanceError"/>, <see cref="ERC20InsufficientBalanceError"/>, <see cref="FeeAboveMaxError"/>).
/// </summary>
public sealed class RequestRevertedException : InferenceClientException
{
    public RequestRevertedException(string action, ContractErrorException revert)
        : base($"{action} was rejected by the chain: {revert?.Revert.Reason ?? revert?.Error.ToString()}. {Advice(revert?.Error)}", revert)
    {
        ArgumentNullException.ThrowIfNull(revert);
        Error = revert.Error;
    }

    /// <summary>The decoded custom error with its values.</summary>
    public ContractError Error { get; }

    private static string Advice(ContractError? error) => error switch
    {
        ERC20InsufficientAllowanceError e => $"The hub may spend only {e.Allowance} OPG wei of yours but needs {e.Needed}: approve the hub for the fee (RequestSettings.ApproveIfNeeded or UsePermit) and retry.",
        ERC20InsufficientBalanceError e => $"The account holds {e.Balance} OPG wei but the fee is {e.Needed}: get more OPG and retry.",
        FeeAboveMaxError e => $"The fee is {e.Fee} but the request allows at most {e.MaxFee}: raise RequestSettings.MaxFee or quote again.",
        ModelNotActiveError => "The model is deactivated or not registered: check the model id.",
        ModelAlreadyRegisteredError => "This model file is already registered: use its id (GetModelAsync) instead of registering it again.",
        CallbackGasLimitTooHighError e => $"Lower the callback gas limit to at most {e.MaxCallbackGasLimit}.",
        SignatureExpiredError => "The signed request expired: ask the wallet to sign a new one.",
        InvalidSignatureError => "The signature does not match the request and its signer: sign the exact request again.",
        InvalidAccountNonceError => "The signed request's nonce was used already (replayed, or another request went first): sign a new one.",
        _ => "Check the values above against the contract's preconditions and retry.",
    };
}
