namespace OpenGradient.Ethereum.Hashing;

/// <summary>
/// Incremental Keccak-256: <see cref="Append"/> data in any number of pieces, then
/// <see cref="GetHashAndReset(Span{byte})"/>. The result equals <see cref="Keccak256.Hash(ReadOnlySpan{byte})"/>
/// of the concatenated pieces. Not thread-safe.
/// </summary>
public sealed class Keccak256Hasher
{
    private readonly ulong[] _state = new ulong[KeccakCore.StateLanes];
    private readonly byte[] _buffer = new byte[KeccakCore.Rate];
    private int _buffered;

    /// <summary>Adds <paramref name="data"/> to the hashed input.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_buffered > 0)
        {
            int take = Math.Min(KeccakCore.Rate - _buffered, data.Length);
            data[..take].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < KeccakCore.Rate)
            {
                return;
            }

            KeccakCore.AbsorbBlock(_state, _buffer);
            _buffered = 0;
        }

        while (data.Length >= KeccakCore.Rate)
        {
            KeccakCore.AbsorbBlock(_state, data[..KeccakCore.Rate]);
            data = data[KeccakCore.Rate..];
        }

        data.CopyTo(_buffer);
        _buffered = data.Length;
    }

    /// <summary>Writes the digest of everything appended into <paramref name="destination"/> and starts over.</summary>
    public void GetHashAndReset(Span<byte> destination)
    {
        if (destination.Length < Keccak256.HashSize)
        {
            throw new ArgumentException("Destination must hold at least 32 bytes.", nameof(destination));
        }

        KeccakCore.Finish(_state, _buffer.AsSpan(0, _buffered), destination);
        Reset();
    }

    /// <summary>Returns the digest of everything appended and starts over.</summary>
    public byte[] GetHashAndReset()
    {
        var digest = new byte[Keccak256.HashSize];
        GetHashAndReset(digest);
        return digest;
    }

    /// <summary>Discards everything appended so far.</summary>
    public void Reset()
    {
        Array.Clear(_state);
        _buffered = 0;
    }
}
