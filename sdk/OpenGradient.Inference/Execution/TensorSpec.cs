using Microsoft.ML.OnnxRuntime.Tensors;

namespace OpenGradient.Inference.Execution;

/// <summary>A declared input or output of a loaded model.</summary>
/// <param name="Name">The ONNX name.</param>
/// <param name="ElementType">The ONNX element type.</param>
/// <param name="Dimensions">The declared dimensions; -1 (or 0) marks a dynamic dimension.</param>
public sealed record TensorSpec(string Name, TensorElementType ElementType, IReadOnlyList<int> Dimensions)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {ElementType}[{string.Join(',', Dimensions.Select(d => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?"))}]";
}
