using System.Security.Cryptography;
using System.Text.Json;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Keystore;

/// <summary>
/// Web3 Secret Storage v3 keystores (the JSON files of geth, ethers and most wallets): scrypt or
/// PBKDF2-HMAC-SHA256 key derivation, AES-128-CTR, and MAC = Keccak-256(derivedKey[16..32] ‖ ciphertext).
/// Passwords are taken as their UTF-8 bytes, as geth does.
/// </summary>
public static class KeystoreV3
{
    private const int DerivedKeySize = 32;

    /// <summary>Decrypts a keystore and returns the key it holds.</summary>
    /// <exception cref="KeystoreWrongPasswordException">The password is wrong, or the file was changed.</exception>
    /// <exception cref="KeystoreFormatException">The file is not a readable v3 keystore.</exception>
    public static EthKey DecryptKey(string json, string password)
    {
        byte[] privateKey = Decrypt(json, password);
        try
        {
            return EthKey.FromPrivateKey(privateKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>Decrypts a keystore and returns the raw 32-byte private key.</summary>
    /// <exception cref="KeystoreWrongPasswordException">The password is wrong, or the file was changed.</exception>
    /// <exception cref="KeystoreFormatException">The file is not a readable v3 keystore.</exception>
    public static byte[] Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        KeystoreFile file = KeystoreFile.Parse(json);
        byte[] passwordBytes = System.Text.Encoding.UTF8.GetBytes(password);
        byte[] derivedKey = file.Kdf == KeystoreKdf.Scrypt
            ? KeystoreCrypto.Scrypt(passwordBytes, file.Salt, file.ScryptN, file.ScryptR, file.ScryptP, file.DerivedKeyLength)
            : KeystoreCrypto.Pbkdf2(passwordBytes, file.Salt, file.Pbkdf2Iterations, file.DerivedKeyLength);
        CryptographicOperations.ZeroMemory(passwordBytes);
        try
        {
            byte[] mac = KeystoreCrypto.Mac(derivedKey, file.Ciphertext);
            if (!CryptographicOperations.FixedTimeEquals(mac, file.Mac))
            {
                throw new KeystoreWrongPasswordException(
                    "The keystore's MAC does not match: the password is wrong, or the file was changed. Check the password; if it is right, restore the file from a backup.");
            }

            byte[] privateKey = KeystoreCrypto.AesCtr(derivedKey.AsSpan(0, 16), file.Iv, file.Ciphertext);
            if (privateKey.Length != Secp256k1.ScalarSize)
            {
                throw new KeystoreFormatException(
                    $"Field 'crypto.ciphertext' decrypts to {privateKey.Length} bytes but a secp256k1 private key is 32 bytes; this is not an Ethereum key file.");
            }

            if (file.Address is { } expected)
            {
                CheckAddress(privateKey, expected);
            }

            return privateKey;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derivedKey);
        }
    }

    /// <summary>
    /// Encrypts <paramref name="key"/> under <paramref name="password"/> as a v3 keystore with a
    /// fresh random salt, IV and UUID. Without <paramref name="options"/>, uses <see cref="KeystoreOptions.Default"/>.
    /// </summary>
    public static string Encrypt(EthKey key, string password, KeystoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        options ??= KeystoreOptions.Default;
        Span<byte> salt = stackalloc byte[32];
        Span<byte> iv = stackalloc byte[16];
        Span<byte> uuid = stackalloc byte[16];
        RandomNumberGenerator.Fill(salt);
        RandomNumberGenerator.Fill(iv);
        RandomNumberGenerator.Fill(uuid);
        return Encrypt(key, password, options, salt, iv, uuid);
    }

    /// <summary>Encrypts with caller-chosen salt, IV and UUID bytes: for reproducible tests only.</summary>
    internal static string Encrypt(EthKey key, string password, KeystoreOptions options, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> uuid)
    {
        byte[] passwordBytes = System.Text.Encoding.UTF8.GetBytes(password);
        byte[] derivedKey = options.Kdf == KeystoreKdf.Scrypt
            ? KeystoreCrypto.Scrypt(passwordBytes, salt.ToArray(), options.ScryptN, options.ScryptR, options.ScryptP, DerivedKeySize)
            : KeystoreCrypto.Pbkdf2(passwordBytes, salt.ToArray(), options.Pbkdf2Iterations, DerivedKeySize);
        CryptographicOperations.ZeroMemory(passwordBytes);
        byte[] privateKey = key.ExportPrivateKey();
        try
        {
            byte[] ciphertext = KeystoreCrypto.AesCtr(derivedKey.AsSpan(0, 16), iv, privateKey);
            byte[] mac = KeystoreCrypto.Mac(derivedKey, ciphertext);
            return KeystoreFile.Write(key, options, salt, iv, uuid, ciphertext, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derivedKey);
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private static void CheckAddress(byte[] privateKey, byte[] expected)
    {
        EthKey key = EthKey.FromPrivateKey(privateKey);
        if (!key.Address.Span.SequenceEqual(expected))
        {
            throw new KeystoreFormatException(
                $"Field 'address' is 0x{Hex.Encode(expected, prefix: false)} but the decrypted key belongs to {key.Address}; the file was edited or assembled from two keystores.");
        }
    }
}
