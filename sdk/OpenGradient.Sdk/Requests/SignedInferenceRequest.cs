using OpenGradient.Contracts;

namespace OpenGradient.Sdk;

/// <summary>
/// An inference request signed by a wallet (EIP-712 <c>InferenceRequest</c>) together with an EIP-2612 permit for its fee:
/// any relayer can submit it with <see cref="InferenceClient.RelayAsync"/>, and the wallet pays no gas.
/// </summary>
/// <param name="Request">The signed fields.</param>
/// <param name="Input">The canonical input bytes (their hash is signed).</param>
/// <param name="Signature">The wallet's 65-byte signature (r ‖ s ‖ v).</param>
/// <param name="Permit">The fee permit (deadline 0 = none: the wallet approved the hub already).</param>
public sealed record SignedInferenceRequest(SignedRequest Request, byte[] Input, byte[] Signature, Permit Permit);
