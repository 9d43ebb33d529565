namespace OpenGradient.Inference.ModelStore;

/// <summary>
/// The bytes at a model URI do not hash to the model id: the file was changed or the URI points to
/// another model. The bytes are never cached or run.
/// </summary>
public sealed class ModelIntegrityException : ModelStoreException
{
    public ModelIntegrityException(string uri, ModelId expected, ModelId actual)
        : base(
            uri,
            $"The model file at {uri} has sha256 {actual} but the model id is {expected}: the file was changed or the URI points to another model. " +
            "It was not cached or run; point the model's URI at the original file (or register the new file as a new model).",
            null)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The model id asked for.</summary>
    public ModelId Expected { get; }

    /// <summary>The sha256 of the bytes found.</summary>
    public ModelId Actual { get; }
}
