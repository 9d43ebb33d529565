using System.Numerics;

namespace OpenGradient.Sdk;

/// <summary>How an inference is requested and paid.</summary>
public sealed class RequestSettings
{
    /// <summary>The most OPG wei the request may cost; default the current quote.</summary>
    public BigInteger? MaxFee { get; init; }

    /// <summary>Gas for the requester contract's callback; 0 (the default) for none, as for a wallet.</summary>
    public uint CallbackGasLimit { get; init; }

    /// <summary>Pay with an EIP-2612 permit signed by the key instead of a separate approve transaction.</summary>
    public bool UsePermit { get; init; }

    /// <summary>Send an approve transaction first when the hub's allowance is below the fee (ignored with a permit).</summary>
    public bool ApproveIfNeeded { get; init; } = true;

    /// <summary>How long a permit or an EIP-712 signed request stays valid.</summary>
    public TimeSpan SignatureValidity { get; init; } = TimeSpan.FromHours(1);
}
