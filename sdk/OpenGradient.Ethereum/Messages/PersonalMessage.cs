using System.Globalization;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Messages;

/// <summary>
/// EIP-191 version 0x45 signed messages, as wallets' <c>personal_sign</c> makes them: the hash is
/// Keccak-256 of <c>"\x19Ethereum Signed Message:\n" + decimal byte length + message</c>.
/// </summary>
public static class PersonalMessage
{
    private static readonly byte[] Prefix = "\u0019Ethereum Signed Message:\n"u8.ToArray();

    /// <summary>Returns the EIP-191 hash of raw message bytes.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[16];
        message.Length.TryFormat(length, out int written, default, CultureInfo.InvariantCulture);

        var hasher = new Keccak256Hasher();
        hasher.Append(Prefix);
        hasher.Append(length[..written]);
        hasher.Append(message);
        return hasher.GetHashAndReset();
    }

    /// <summary>Returns the EIP-191 hash of the UTF-8 bytes of <paramref name="message"/>.</summary>
    public static byte[] Hash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Hash(System.Text.Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Signs raw message bytes as <c>personal_sign</c> does.</summary>
    public static EthSignature Sign(EthKey key, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Hash(message));
    }

    /// <summary>Signs the UTF-8 bytes of <paramref name="message"/> as <c>personal_sign</c> does.</summary>
    public static EthSignature Sign(EthKey key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Hash(message));
    }

    /// <summary>Recovers the address that signed raw message bytes.</summary>
    /// <exception cref="SignatureException">The signature cannot belong to any key.</exception>
    public static Address RecoverAddress(ReadOnlySpan<byte> message, EthSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.RecoverAddress(Hash(message));
    }

    /// <summary>Recovers the address that signed the UTF-8 bytes of <paramref name="message"/>.</summary>
    /// <exception cref="SignatureException">The signature cannot belong to any key.</exception>
    public static Address RecoverAddress(string message, EthSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.RecoverAddress(Hash(message));
    }
}
