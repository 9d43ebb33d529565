using System.Runtime.CompilerServices;

namespace OpenGradient.Ethereum.Hashing;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256). A managed
/// Keccak-f[1600] implementation that allocates nothing beyond the returned digest; use
/// <see cref="Keccak256Hasher"/> to hash data that arrives in pieces.
/// </summary>
public static class Keccak256
{
    /// <summary>Size of the digest in bytes.</summary>
    public const int HashSize = 32;

    /// <summary>Hashes <paramref name="data"/> and returns the 32-byte digest.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[HashSize];
        Hash(data, output);
        return output;
    }

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException("Destination must hold at least 32 bytes.", nameof(destination));
        }

        Span<ulong> state = stackalloc ulong[KeccakCore.StateLanes];
        state.Clear();
        while (data.Length >= KeccakCore.Rate)
        {
            KeccakCore.AbsorbBlock(state, data[..KeccakCore.Rate]);
            data = data[KeccakCore.Rate..];
        }

        KeccakCore.Finish(state, data, destination);
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/> (e.g. an event or function signature).</summary>
    public static byte[] Hash(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Creates a hasher for data that arrives in pieces.</summary>
    public static Keccak256Hasher CreateHasher() => new();
}
