namespace OpenGradient.Models.Samples;

/// <summary>
/// The weights of the MLP classifier:
/// <c>probabilities = softmax(relu(features · W1 + B1) · W2 + B2)</c>.
/// </summary>
/// <param name="W1">The [8,16] first-layer matrix, row-major.</param>
/// <param name="B1">The 16 first-layer biases.</param>
/// <param name="W2">The [16,3] second-layer matrix, row-major.</param>
/// <param name="B2">The 3 output biases.</param>
public sealed record MlpClassifierParameters(
    IReadOnlyList<float> W1,
    IReadOnlyList<float> B1,
    IReadOnlyList<float> W2,
    IReadOnlyList<float> B2);
