using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference;

namespace OpenGradient.Oracle.Jobs;

/// <summary><c>InferenceRequested</c>: a job was escrowed and assigned to <paramref name="Executor"/>.</summary>
internal sealed record JobRequested(
    ulong JobId,
    Address Requester,
    Address Executor,
    ModelId ModelId,
    byte[] Input,
    uint CallbackGasLimit,
    ulong ResultDeadline) : HubEvent(JobId);
