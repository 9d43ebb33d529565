namespace OpenGradient.Sdk;

/// <summary>A deployment file is missing or unreadable.</summary>
public sealed class DeploymentFileException : InferenceClientException
{
    public DeploymentFileException(string path, string problem, Exception? innerException = null)
        : base($"Deployment file '{path}': {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The file.</summary>
    public string Path { get; }
}
