using System.Numerics;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference;

namespace OpenGradient.Sdk;

/// <summary>A job the hub accepted: its id, who runs it, and where the request was mined.</summary>
/// <param name="JobId">The hub's job id.</param>
/// <param name="ModelId">The model.</param>
/// <param name="Requester">Who pays and gets refunds.</param>
/// <param name="Executor">The node assigned to run it.</param>
/// <param name="Fee">Total OPG wei escrowed (model + node + protocol fee).</param>
/// <param name="ResultDeadline">Unix time by which the executor must post.</param>
/// <param name="BlockNumber">The request's block: waiting and history queries start there.</param>
/// <param name="TransactionHash">The request transaction.</param>
public sealed record SubmittedJob(
    BigInteger JobId,
    ModelId ModelId,
    Address Requester,
    Address Executor,
    BigInteger Fee,
    ulong ResultDeadline,
    ulong BlockNumber,
    string TransactionHash);
