using Microsoft.Extensions.Options;

namespace OpenGradient.Oracle.Configuration;

/// <summary>Checks <see cref="HttpOptions"/> at start.</summary>
internal sealed class HttpOptionsValidator : IValidateOptions<HttpOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        var errors = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            errors.Add($"Http:Port is {options.Port}; use 1..65535, or 0 to let the OS choose (the endpoint always binds 127.0.0.1).");
        }

        if (options.MaxCursorLagBlocks < 0)
        {
            errors.Add($"Http:MaxCursorLagBlocks is {options.MaxCursorLagBlocks}; use 0 or more blocks.");
        }

        if (options.RpcProbeTimeout <= TimeSpan.Zero)
        {
            errors.Add($"Http:RpcProbeTimeout is {options.RpcProbeTimeout}; use a positive time such as 00:00:03.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
