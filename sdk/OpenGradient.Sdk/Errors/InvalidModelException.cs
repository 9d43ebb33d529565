namespace OpenGradient.Sdk;

/// <summary>A model file is not a loadable ONNX model (corrupt or truncated bytes); it was not registered or run.</summary>
public sealed class InvalidModelException : InferenceClientException
{
    public InvalidModelException(string source, string problem)
        : base($"The model file {source} cannot be loaded by ONNX Runtime: {problem}. Check that it is a complete .onnx file (re-export or re-download it); it was not registered or run.")
    {
        ModelSource = source;
    }

    /// <summary>The file or URI.</summary>
    public string ModelSource { get; }
}
