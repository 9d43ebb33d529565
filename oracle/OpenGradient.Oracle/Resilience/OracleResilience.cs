using Microsoft.Extensions.Options;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Oracle.Configuration;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace OpenGradient.Oracle.Resilience;

/// <summary>
/// The node's resilience in one place. RPC: the JSON-RPC client's own pipeline (retry reads with jittered exponential
/// backoff around a per-attempt timeout; never retry a send), configured from <see cref="ResilienceOptions"/> here. Model
/// fetch: the named pipeline <see cref="ModelFetch"/> (retry on I/O and HTTP failures, per-attempt timeout) for the job pipeline.
/// Background loops that outlive a pipeline's retries back off by <see cref="ResilienceOptions.LoopBackoff"/> and try again.
/// </summary>
internal sealed class OracleResilience : IDisposable
{
    /// <summary>The name of the model download pipeline.</summary>
    public const string ModelFetch = "model-fetch";

    private readonly ResiliencePipelineRegistry<string> _registry;

    public OracleResilience(IOptions<ResilienceOptions> options, TimeProvider time)
    {
        Options = options.Value;
        _registry = new ResiliencePipelineRegistry<string>();
        _registry.TryAddBuilder(ModelFetch, (builder, _) =>
        {
            builder.TimeProvider = time;
            if (Options.ModelFetchMaxRetryAttempts > 0)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = Options.ModelFetchMaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<IOException>().Handle<TimeoutRejectedException>(),
                });
            }

            builder.AddTimeout(Options.ModelFetchAttemptTimeout);
        });
    }

    /// <summary>The settings in use.</summary>
    public ResilienceOptions Options { get; }

    /// <summary>A named pipeline (<see cref="ModelFetch"/>).</summary>
    public ResiliencePipeline Get(string name) => _registry.GetPipeline(name);

    public void Dispose() => _registry.Dispose();

    /// <summary>The JSON-RPC client settings derived from the options.</summary>
    public JsonRpcClientOptions RpcClientOptions() => new()
    {
        Resilience = new RpcResilienceOptions
        {
            MaxRetryAttempts = Options.RpcMaxRetryAttempts,
            BaseDelay = Options.RpcBaseDelay,
            MaxDelay = Options.RpcMaxDelay,
            AttemptTimeout = Options.RpcAttemptTimeout,
            UseJitter = true,
        },
    };
}
