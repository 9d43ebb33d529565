namespace OpenGradient.Models.Samples;

/// <summary>A declared input or output of a sample model, as written in samples.json.</summary>
/// <param name="Name">The ONNX input or output name.</param>
/// <param name="ElementType">The ONNX element type ("float32", "int64").</param>
/// <param name="Shape">The dimensions (all fixed for the samples).</param>
public sealed record SampleTensorSpec(string Name, string ElementType, IReadOnlyList<long> Shape);
