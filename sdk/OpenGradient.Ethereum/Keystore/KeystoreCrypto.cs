using System.Security.Cryptography;
using OpenGradient.Ethereum.Hashing;

namespace OpenGradient.Ethereum.Keystore;

/// <summary>The primitives of Web3 Secret Storage: the KDFs, AES-128-CTR and the MAC.</summary>
internal static class KeystoreCrypto
{
    internal static byte[] Scrypt(byte[] password, byte[] salt, int n, int r, int p, int length) =>
        Keystore.Scrypt.Derive(password, salt, n, r, p, length);

    internal static byte[] Pbkdf2(byte[] password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length);

    /// <summary>MAC = Keccak-256(derivedKey[16..32] ‖ ciphertext).</summary>
    internal static byte[] Mac(ReadOnlySpan<byte> derivedKey, ReadOnlySpan<byte> ciphertext)
    {
        var preimage = new byte[16 + ciphertext.Length];
        derivedKey[16..32].CopyTo(preimage);
        ciphertext.CopyTo(preimage.AsSpan(16));
        return Keccak256.Hash(preimage);
    }

    /// <summary>
    /// AES-128 in counter mode with a 128-bit big-endian counter starting at <paramref name="iv"/>
    /// (wrapping at 2^128, as the reference implementations do). Encryption and decryption are the same.
    /// </summary>
    internal static byte[] AesCtr(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        int blocks = (input.Length + 15) / 16;
        var counters = new byte[blocks * 16];
        Span<byte> counter = stackalloc byte[16];
        iv.CopyTo(counter);
        for (int b = 0; b < blocks; b++)
        {
            counter.CopyTo(counters.AsSpan(b * 16));
            for (int i = 15; i >= 0 && ++counter[i] == 0; i--)
            {
            }
        }

        byte[] keystream = aes.EncryptEcb(counters, PaddingMode.None);
        var output = new byte[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }

        CryptographicOperations.ZeroMemory(keystream);
        return output;
    }
}
