using System.ComponentModel.DataAnnotations;

namespace OpenGradient.Inference.ModelStore;

/// <summary>Where models are cached and how they are fetched.</summary>
public sealed class ModelStoreOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "ModelStore";

    /// <summary>The content-addressed cache directory: models live at <c>&lt;dir&gt;/&lt;sha256 hex&gt;.onnx</c>.</summary>
    [Required]
    public string StoreDirectory { get; set; } = string.Empty;

    /// <summary>Allow http(s) to hosts other than 127.0.0.1/localhost. Off by default: a devnet serves models from loopback.</summary>
    public bool AllowNonLoopbackHttp { get; set; }

    /// <summary>Largest model file accepted, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxModelBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Retries after a transient HTTP failure (connection error, timeout, 408, 429, 5xx).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay of the exponential backoff (with jitter) between HTTP attempts.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
