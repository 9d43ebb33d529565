using OpenGradient.Inference;

namespace OpenGradient.Sdk;

/// <summary>No model with this id is registered (or it was deactivated).</summary>
public sealed class UnknownModelException : InferenceClientException
{
    public UnknownModelException(ModelId modelId, string problem, Exception? innerException = null)
        : base($"Model {modelId} {problem}", innerException)
    {
        ModelId = modelId;
    }

    /// <summary>The model id asked for.</summary>
    public ModelId ModelId { get; }
}
