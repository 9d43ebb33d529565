using System.Net;

namespace OpenGradient.Inference.ModelStore;

/// <summary>A model file could not be read from its URI (missing file, HTTP error, refused scheme or host, too large).</summary>
public sealed class ModelFetchException : ModelStoreException
{
    public ModelFetchException(string uri, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(uri, message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The last HTTP status, when the fetch got that far.</summary>
    public HttpStatusCode? StatusCode { get; }
}
