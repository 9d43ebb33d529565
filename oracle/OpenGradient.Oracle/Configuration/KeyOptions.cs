namespace OpenGradient.Oracle.Configuration;

/// <summary>The node's signing key (section <c>Keys</c>): a keystore v3 file and its password, or a raw dev key on a local chain.</summary>
public sealed class KeyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Keys";

    /// <summary>The default environment variable holding the keystore password.</summary>
    public const string DefaultPasswordVariable = "OG_KEYSTORE_PASSWORD";

    /// <summary>Path to a Web3 Secret Storage (v3) keystore file.</summary>
    public string? KeystorePath { get; set; }

    /// <summary>The name of the environment variable that holds the keystore password.</summary>
    public string PasswordEnvironmentVariable { get; set; } = DefaultPasswordVariable;

    /// <summary>A file whose content (trailing newline trimmed) is the keystore password; wins over the environment variable.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>A raw 0x-hex private key; accepted only when <see cref="ChainOptions.ChainId"/> is 31337.</summary>
    public string? DevPrivateKey { get; set; }
}
