using Microsoft.Extensions.Options;

namespace OpenGradient.Oracle.Configuration;

/// <summary>
/// Checks <see cref="KeyOptions"/> against <see cref="ChainOptions"/>: exactly one key source, a password source for a
/// keystore, and a raw dev key only on the local chain id.
/// </summary>
internal sealed class KeyOptionsValidator(IOptions<ChainOptions> chain) : IValidateOptions<KeyOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyOptions options)
    {
        var errors = new List<string>();
        bool hasKeystore = !string.IsNullOrWhiteSpace(options.KeystorePath);
        bool hasDevKey = !string.IsNullOrWhiteSpace(options.DevPrivateKey);
        ulong chainId = chain.Value.ChainId;

        if (hasKeystore == hasDevKey)
        {
            errors.Add(hasKeystore
                ? "Keys:KeystorePath and Keys:DevPrivateKey are both set; keep only one (the keystore outside a local devnet)."
                : "No signing key: set Keys:KeystorePath to a keystore v3 file (with its password in the environment variable named by Keys:PasswordEnvironmentVariable or in Keys:PasswordFile), or, on a local chain only, Keys:DevPrivateKey.");
        }

        if (hasDevKey && chainId != ChainOptions.LocalChainId)
        {
            errors.Add($"Keys:DevPrivateKey is only accepted on the local chain id {ChainOptions.LocalChainId}, but Chain:ChainId is {chainId}; use Keys:KeystorePath with an encrypted keystore for any other chain.");
        }

        if (hasKeystore)
        {
            if (!File.Exists(options.KeystorePath))
            {
                errors.Add($"Keys:KeystorePath '{options.KeystorePath}' does not exist; point it at a keystore v3 JSON file.");
            }

            if (!string.IsNullOrWhiteSpace(options.PasswordFile))
            {
                if (!File.Exists(options.PasswordFile))
                {
                    errors.Add($"Keys:PasswordFile '{options.PasswordFile}' does not exist; create it with the keystore password or use the environment variable {options.PasswordEnvironmentVariable}.");
                }
            }
            else if (string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable))
            {
                errors.Add("Keys:PasswordEnvironmentVariable is empty and Keys:PasswordFile is not set; name the environment variable that holds the keystore password, or set Keys:PasswordFile.");
            }
            else if (Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable) is null)
            {
                errors.Add($"The keystore password is missing: the environment variable {options.PasswordEnvironmentVariable} (Keys:PasswordEnvironmentVariable) is not set and Keys:PasswordFile is not set.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
