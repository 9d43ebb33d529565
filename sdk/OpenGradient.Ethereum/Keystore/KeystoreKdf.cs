namespace OpenGradient.Ethereum.Keystore;

/// <summary>Key-derivation function of a keystore.</summary>
public enum KeystoreKdf
{
    /// <summary>scrypt (the default of geth and ethers; memory-hard).</summary>
    Scrypt = 0,

    /// <summary>PBKDF2 with HMAC-SHA256.</summary>
    Pbkdf2 = 1,
}
