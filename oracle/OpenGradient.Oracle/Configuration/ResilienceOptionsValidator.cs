using Microsoft.Extensions.Options;

namespace OpenGradient.Oracle.Configuration;

/// <summary>Checks <see cref="ResilienceOptions"/> at start.</summary>
internal sealed class ResilienceOptionsValidator : IValidateOptions<ResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResilienceOptions options)
    {
        var errors = new List<string>();
        if (options.RpcMaxRetryAttempts is < 0 or > 20)
        {
            errors.Add($"Resilience:RpcMaxRetryAttempts is {options.RpcMaxRetryAttempts}; use 0..20.");
        }

        if (options.RpcBaseDelay <= TimeSpan.Zero || options.RpcMaxDelay < options.RpcBaseDelay)
        {
            errors.Add($"Resilience:RpcBaseDelay ({options.RpcBaseDelay}) must be positive and not above Resilience:RpcMaxDelay ({options.RpcMaxDelay}).");
        }

        if (options.RpcAttemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            errors.Add($"Resilience:RpcAttemptTimeout is {options.RpcAttemptTimeout}; use at least 00:00:00.010.");
        }

        if (options.LoopBackoff <= TimeSpan.Zero)
        {
            errors.Add($"Resilience:LoopBackoff is {options.LoopBackoff}; use a positive time such as 00:00:01.");
        }

        if (options.ModelFetchMaxRetryAttempts is < 0 or > 20)
        {
            errors.Add($"Resilience:ModelFetchMaxRetryAttempts is {options.ModelFetchMaxRetryAttempts}; use 0..20.");
        }

        if (options.ModelFetchAttemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            errors.Add($"Resilience:ModelFetchAttemptTimeout is {options.ModelFetchAttemptTimeout}; use at least 00:00:00.010.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
