namespace OpenGradient.Ethereum.Keystore;

/// <summary>
/// How a new keystore is protected. <see cref="Default"/> is geth's "standard" scrypt setting
/// (n = 262144, r = 8, p = 1); <see cref="Light"/> (n = 4096) is for tests and devnets only.
/// </summary>
public sealed record KeystoreOptions
{
    /// <summary>Secure settings for keys that guard real value.</summary>
    public static KeystoreOptions Default { get; } = new();

    /// <summary>Fast, weak settings (scrypt n = 4096) for tests and local devnets only.</summary>
    public static KeystoreOptions Light { get; } = new() { ScryptN = 4096 };

    /// <summary>The key-derivation function.</summary>
    public KeystoreKdf Kdf { get; init; } = KeystoreKdf.Scrypt;

    /// <summary>scrypt CPU/memory cost: a power of two greater than 1.</summary>
    public int ScryptN { get; init; } = 262_144;

    /// <summary>scrypt block size.</summary>
    public int ScryptR { get; init; } = 8;

    /// <summary>scrypt parallelisation.</summary>
    public int ScryptP { get; init; } = 1;

    /// <summary>PBKDF2 iteration count (used when <see cref="Kdf"/> is <see cref="KeystoreKdf.Pbkdf2"/>).</summary>
    public int Pbkdf2Iterations { get; init; } = 262_144;
}
