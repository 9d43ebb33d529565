using OpenGradient.Ethereum;

namespace OpenGradient.Inference.ModelStore;

/// <summary>Base of the model store's errors: a model file could not be obtained or is not the model asked for.</summary>
public abstract class ModelStoreException : EthereumException
{
    protected ModelStoreException(string uri, string message, Exception? innerException)
        : base(message, innerException)
    {
        Uri = uri;
    }

    /// <summary>The URI the model was fetched from.</summary>
    public string Uri { get; }
}
