namespace OpenGradient.Inference.Execution;

/// <summary>The declared inputs and outputs of a loaded model, in graph order.</summary>
/// <param name="Inputs">Declared inputs.</param>
/// <param name="Outputs">Declared outputs.</param>
public sealed record ModelSignature(IReadOnlyList<TensorSpec> Inputs, IReadOnlyList<TensorSpec> Outputs);
