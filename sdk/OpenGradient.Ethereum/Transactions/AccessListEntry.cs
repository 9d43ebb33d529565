using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Transactions;

/// <summary>One EIP-2930 access-list entry: an address and the 32-byte storage keys it pre-warms.</summary>
public sealed class AccessListEntry : IEquatable<AccessListEntry>
{
    private readonly byte[][] _storageKeys;

    /// <summary>Creates an entry; each storage key must be exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException">A storage key is not 32 bytes.</exception>
    public AccessListEntry(Address address, IEnumerable<byte[]> storageKeys)
    {
        ArgumentNullException.ThrowIfNull(storageKeys);
        Address = address;
        var keys = new List<byte[]>();
        foreach (byte[] key in storageKeys)
        {
            if (key is null || key.Length != 32)
            {
                throw new ArgumentException(
                    $"An access-list storage key is 32 bytes but one has {key?.Length ?? 0}; left-pad slot numbers to 32 bytes.",
                    nameof(storageKeys));
            }

            keys.Add((byte[])key.Clone());
        }

        _storageKeys = [.. keys];
    }

    /// <summary>The accessed address.</summary>
    public Address Address { get; }

    /// <summary>The accessed storage keys, each 32 bytes.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> StorageKeys
    {
        get
        {
            var result = new ReadOnlyMemory<byte>[_storageKeys.Length];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = _storageKeys[i];
            }

            return result;
        }
    }

    /// <summary>Number of storage keys.</summary>
    public int StorageKeyCount => _storageKeys.Length;

    /// <summary>The storage key at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> GetStorageKey(int index) => _storageKeys[index];

    /// <inheritdoc/>
    public bool Equals(AccessListEntry? other)
    {
        if (other is null || Address != other.Address || _storageKeys.Length != other._storageKeys.Length)
        {
            return false;
        }

        for (int i = 0; i < _storageKeys.Length; i++)
        {
            if (!_storageKeys[i].AsSpan().SequenceEqual(other._storageKeys[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AccessListEntry);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Address, _storageKeys.Length);
}
