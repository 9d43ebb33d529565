namespace OpenGradient.Models.Samples;

/// <summary>The weights of the linear regressor: <c>score = features · Weights + Bias</c>.</summary>
/// <param name="Weights">4 weights (the [4,1] matrix W, row-major).</param>
/// <param name="Bias">The bias b.</param>
public sealed record LinearRegressorParameters(IReadOnlyList<float> Weights, float Bias);
