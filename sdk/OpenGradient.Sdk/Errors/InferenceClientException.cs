using OpenGradient.Ethereum;

namespace OpenGradient.Sdk;

/// <summary>Base of the client's errors; each message says what went wrong and what to do.</summary>
public abstract class InferenceClientException : EthereumException
{
    protected InferenceClientException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
