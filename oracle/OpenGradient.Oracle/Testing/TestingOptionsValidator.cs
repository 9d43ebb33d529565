using Microsoft.Extensions.Options;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Testing;

/// <summary>Refuses the dishonesty switches on any chain but the local devnet.</summary>
internal sealed class TestingOptionsValidator(IOptions<ChainOptions> chain) : IValidateOptions<TestingOptions>
{
    public ValidateOptionsResult Validate(string? name, TestingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.AnyDishonesty || chain.Value.ChainId == ChainOptions.LocalChainId)
        {
            return ValidateOptionsResult.Success;
        }

        var which = options.CorruptResults ? "Testing:CorruptResults" : "Testing:ChallengeHonestResults";
        return ValidateOptionsResult.Fail(
            $"{which} is on but Chain:ChainId is {chain.Value.ChainId}: the dishonesty switches exist for tests and are refused on any chain but the local devnet ({ChainOptions.LocalChainId}). Remove the setting.");
    }
}
