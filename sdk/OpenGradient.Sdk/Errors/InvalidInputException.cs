using OpenGradient.Inference;

namespace OpenGradient.Sdk;

/// <summary>
/// The input tensors do not fit the model's declared inputs (count, names, element types, shapes). Raised before any
/// transaction, so no fee is spent.
/// </summary>
public sealed class InvalidInputException : InferenceClientException
{
    public InvalidInputException(ModelId modelId, string problem, string declaredInputs)
        : base($"The input does not fit model {modelId}: {problem}. The model declares: {declaredInputs}. Build the tensors to match (names, Fixed/Int/Bool, shapes); nothing was sent and no fee was spent.")
    {
        ModelId = modelId;
        Problem = problem;
    }

    /// <summary>The model.</summary>
    public ModelId ModelId { get; }

    /// <summary>What does not fit.</summary>
    public string Problem { get; }
}
