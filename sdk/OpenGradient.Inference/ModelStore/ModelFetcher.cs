using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OpenGradient.Inference.ModelStore;

/// <summary>
/// Fetches model files by URI and checks them against the model id before anyone can run them.
/// Supported URIs: <c>file:///abs/path.onnx</c>; <c>http(s)://127.0.0.1…</c> or <c>localhost</c>
/// (other hosts only with <see cref="ModelStoreOptions.AllowNonLoopbackHttp"/>); and
/// <c>cas:&lt;sha256 hex&gt;</c>, the local content-addressed store only. The store is also the
/// cache: a model already there is served from it, and a fetched model is written to it only after
/// its sha256 matched. HTTP goes through one Polly pipeline (retry with jitter on transient errors,
/// per-attempt timeout) built from <see cref="ModelStoreOptions"/>.
/// </summary>
public sealed class ModelFetcher
{
    /// <summary>Scheme of content-addressed URIs (<c>cas:&lt;sha256 hex&gt;</c>).</summary>
    public const string ContentAddressedScheme = "cas";

    private readonly ModelStoreOptions _options;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates a fetcher; <paramref name="httpClient"/> is used as given (not disposed).</summary>
    public ModelFetcher(ModelStoreOptions options, HttpClient httpClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrEmpty(options.StoreDirectory, nameof(options));
        _options = options;
        _http = httpClient;
        Store = new ContentAddressedModelStore(options.StoreDirectory);
        _pipeline = BuildPipeline(options, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The local content-addressed store (the cache).</summary>
    public ContentAddressedModelStore Store { get; }

    /// <summary>The content-addressed URI of <paramref name="id"/>.</summary>
    public static string ContentAddressedUri(ModelId id) => $"{ContentAddressedScheme}:{id.ToHexNoPrefix()}";

    /// <summary>
    /// Returns the bytes of model <paramref name="id"/>: from the store when present, else from
    /// <paramref name="uri"/>, checked against the id and then stored.
    /// </summary>
    /// <exception cref="ModelIntegrityException">The file at the URI has another sha256.</exception>
    /// <exception cref="ModelFetchException">The file could not be read.</exception>
    public async Task<byte[]> FetchAsync(ModelId id, string uri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (Store.TryRead(id, out var cached))
        {
            return cached;
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            throw new ModelFetchException(uri, $"'{uri}' is not an absolute URI; use file:///path/model.onnx, http://127.0.0.1:PORT/model.onnx or {ContentAddressedUri(id)}.");
        }

        var bytes = parsed.Scheme switch
        {
            "file" => await ReadFileAsync(parsed, uri, cancellationToken).ConfigureAwait(false),
            "http" or "https" => await ReadHttpAsync(parsed, uri, cancellationToken).ConfigureAwait(false),
            ContentAddressedScheme => throw new ModelFetchException(uri, $"Model {id} is not in the local store at {Store.Root}; copy the file there as {id.ToHexNoPrefix()}.onnx or give a file:// or http:// URI."),
            _ => throw new ModelFetchException(uri, $"URI scheme '{parsed.Scheme}' is not supported; use file://, http(s):// or {ContentAddressedScheme}:."),
        };

        Store.Write(id, bytes, uri);
        return bytes;
    }

    private async Task<byte[]> ReadFileAsync(Uri parsed, string uri, CancellationToken cancellationToken)
    {
        var path = parsed.LocalPath;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxModelBytes)
            {
                throw new ModelFetchException(uri, $"The model file {path} is {length} bytes, above the limit of {_options.MaxModelBytes}; raise ModelStore:MaxModelBytes if the model is meant to be this large.");
            }

            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new ModelFetchException(uri, $"Cannot read the model file {path}: {e.Message} Check the path in the model's URI.", innerException: e);
        }
    }

    private async Task<byte[]> ReadHttpAsync(Uri parsed, string uri, CancellationToken cancellationToken)
    {
        if (!parsed.IsLoopback && !_options.AllowNonLoopbackHttp)
        {
            throw new ModelFetchException(uri, $"Refusing to fetch a model from non-loopback host '{parsed.Host}'; only 127.0.0.1/localhost is allowed unless ModelStore:AllowNonLoopbackHttp is set.");
        }

        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (state, ct) => await state.Http.GetAsync(state.Uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false),
                (Http: _http, Uri: parsed),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            throw new ModelFetchException(uri, $"Cannot fetch the model from {uri} after {_options.MaxRetryAttempts + 1} attempts: {e.Message} Check that the server is running and the URI is right.", innerException: e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ModelFetchException(
                    uri,
                    $"GET {uri} answered {(int)response.StatusCode} {response.ReasonPhrase} (after {_options.MaxRetryAttempts + 1} attempts for server errors); check the server hosting the model and the URI.",
                    response.StatusCode);
            }

            if (response.Content.Headers.ContentLength > _options.MaxModelBytes)
            {
                throw new ModelFetchException(uri, $"The model at {uri} is {response.Content.Headers.ContentLength} bytes, above the limit of {_options.MaxModelBytes}; raise ModelStore:MaxModelBytes if it is meant to be this large.", response.StatusCode);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > _options.MaxModelBytes)
                    {
                        throw new ModelFetchException(uri, $"The model at {uri} is larger than the limit of {_options.MaxModelBytes} bytes; raise ModelStore:MaxModelBytes if it is meant to be this large.", response.StatusCode);
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.ToArray();
            }
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(ModelStoreOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } response } => IsTransient(response.StatusCode),
                    _ => false,
                }),
                OnRetry = static args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
