using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// The one place JSON-RPC resilience is built. Reads: retry (outer, jittered exponential backoff, transient
/// transport failures only) around a per-attempt timeout. Writes: the per-attempt timeout alone, because a
/// blind retry of <c>eth_sendRawTransaction</c> after an ambiguous failure could double-submit.
/// </summary>
internal static class RpcResiliencePipeline
{
    public static ResiliencePipeline ForReads(RpcResilienceOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = new PredicateBuilder()
                    .Handle<RpcTransportException>(e => e.IsTransient)
                    .Handle<TimeoutRejectedException>(),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    public static ResiliencePipeline ForWrites(RpcResilienceOptions options, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.AttemptTimeout).Build();
}
