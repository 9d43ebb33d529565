using System.ComponentModel.DataAnnotations;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// Retry and timeout settings for JSON-RPC calls. Reads (idempotent calls) are retried on transient transport
/// failures with jittered exponential backoff; <c>eth_sendRawTransaction</c> is never retried.
/// </summary>
public sealed class RpcResilienceOptions
{
    /// <summary>Retries after the first attempt of an idempotent call (0 disables retries).</summary>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones double it (before jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt may take before it is abandoned (and retried if idempotent).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomise delays so many clients do not retry in lock-step.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Checks the values; called when a client is created.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (MaxRetryAttempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAttempts), MaxRetryAttempts, "Retries cannot be negative; use 0 to disable them.");
        }

        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, "BaseDelay must be positive and not above MaxDelay.");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "AttemptTimeout must be positive.");
        }
    }
}
