using Microsoft.Extensions.Options;

namespace OpenGradient.Oracle.Staking;

/// <summary>Checks <see cref="StakingOptions"/>.</summary>
internal sealed class StakingOptionsValidator : IValidateOptions<StakingOptions>
{
    public ValidateOptionsResult Validate(string? name, StakingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.EnsureStakeOpg < 0
            ? ValidateOptionsResult.Fail($"Staking:EnsureStakeOpg is {options.EnsureStakeOpg}; set a number of whole OPG >= 0 (0 turns automatic staking off).")
            : ValidateOptionsResult.Success;
    }
}
