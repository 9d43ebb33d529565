namespace OpenGradient.Oracle.Configuration;

/// <summary>Retries and timeouts of the named Polly pipelines (section <c>Resilience</c>).</summary>
public sealed class ResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Resilience";

    /// <summary>Retries of one idempotent RPC read on a transient failure.</summary>
    public int RpcMaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay of an RPC read (exponential with jitter after it).</summary>
    public TimeSpan RpcBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest retry delay of an RPC read.</summary>
    public TimeSpan RpcMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one RPC attempt.</summary>
    public TimeSpan RpcAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay before a background loop (watcher, tx monitor) retries after its pipeline gave up.</summary>
    public TimeSpan LoopBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of a model download.</summary>
    public int ModelFetchMaxRetryAttempts { get; set; } = 3;

    /// <summary>Timeout of one model download attempt.</summary>
    public TimeSpan ModelFetchAttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
