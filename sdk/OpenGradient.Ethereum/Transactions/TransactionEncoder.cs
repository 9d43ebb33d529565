using System.Numerics;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Numerics;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Transactions;

/// <summary>
/// Canonical serialization of transactions. The field list is written once into a buffer that
/// leaves room in front for the type byte and the list header, which are then written just before
/// the payload, so nothing is measured twice and nothing is copied but the final result.
/// </summary>
internal static class TransactionEncoder
{
    // Type byte + the longest list header (0xf7 + 4 length bytes) we ever need.
    private const int Front = 6;

    internal static byte[] SigningHash(Transaction tx)
    {
        byte[] payload = Encode(tx, null);
        return Keccak256.Hash(payload);
    }

    /// <summary>Encodes the signed form when <paramref name="signature"/> is given, else the signing payload.</summary>
    internal static byte[] Encode(Transaction tx, EthSignature? signature)
    {
        Validate(tx);
        var buffer = new byte[Front + MaxPayloadLength(tx)];
        var writer = new RlpWriter(buffer.AsSpan(Front));
        WriteFields(ref writer, tx, signature);
        int payloadLength = writer.Position;

        int headerLength = Rlp.HeaderLength(payloadLength);
        int start = Front - headerLength;
        var header = new RlpWriter(buffer.AsSpan(start, headerLength));
        header.WriteListHeader(payloadLength);
        if (tx.Type != TransactionType.Legacy)
        {
            buffer[--start] = (byte)tx.Type;
        }

        return buffer.AsSpan(start, Front - start + payloadLength).ToArray();
    }

    private static void WriteFields(ref RlpWriter writer, Transaction tx, EthSignature? signature)
    {
        if (tx.Type != TransactionType.Legacy)
        {
            writer.WriteUInt(tx.ChainId!.Value);
        }

        writer.WriteUInt(tx.Nonce);
        if (tx.Type == TransactionType.DynamicFee)
        {
            writer.WriteUInt(tx.MaxPriorityFeePerGas);
            writer.WriteUInt(tx.MaxFeePerGas);
        }
        else
        {
            writer.WriteUInt(tx.GasPrice);
        }

        writer.WriteUInt(tx.GasLimit);
        if (tx.To is { } to)
        {
            writer.WriteBytes(to.Span);
        }
        else
        {
            writer.WriteBytes([]);
        }

        writer.WriteUInt(tx.Value);
        writer.WriteBytes(tx.Data.Span);
        if (tx.Type != TransactionType.Legacy)
        {
            WriteAccessList(ref writer, tx.AccessList);
        }

        if (signature is not null)
        {
            if (tx.Type != TransactionType.Legacy)
            {
                writer.WriteUInt(signature.YParity);
            }
            else if (tx.ChainId is { } chainId)
            {
                writer.WriteUInt(((BigInteger)chainId * 2) + 35 + signature.YParity);
            }
            else
            {
                writer.WriteUInt(signature.V);
            }

            writer.WriteBytes(TrimLeadingZeros(signature.R));
            writer.WriteBytes(TrimLeadingZeros(signature.S));
        }
        else if (tx.Type == TransactionType.Legacy && tx.ChainId is { } chainId)
        {
            // EIP-155 signing payload: chainId, 0, 0.
            writer.WriteUInt(chainId);
            writer.WriteBytes([]);
            writer.WriteBytes([]);
        }
    }

    private static void WriteAccessList(ref RlpWriter writer, IReadOnlyList<AccessListEntry> accessList)
    {
        int listPayload = 0;
        foreach (AccessListEntry entry in accessList)
        {
            listPayload += Rlp.GetListLength(EntryPayloadLength(entry));
        }

        writer.WriteListHeader(listPayload);
        foreach (AccessListEntry entry in accessList)
        {
            writer.WriteListHeader(EntryPayloadLength(entry));
            writer.WriteBytes(entry.Address.Span);
            writer.WriteListHeader(33 * entry.StorageKeyCount);
            for (int i = 0; i < entry.StorageKeyCount; i++)
            {
                writer.WriteBytes(entry.GetStorageKey(i));
            }
        }
    }

    // address (21) + the list of 32-byte keys (33 each).
    private static int EntryPayloadLength(AccessListEntry entry) => 21 + Rlp.GetListLength(33 * entry.StorageKeyCount);

    private static int MaxPayloadLength(Transaction tx)
    {
        // Eleven scalar fields of at most 33 bytes (the legacy v fits in 33 too), the address,
        // the data and the access list with their headers.
        int length = (12 * 33) + 21 + Rlp.GetListLength(tx.Data.Length);
        if (tx.Type != TransactionType.Legacy)
        {
            int listPayload = 0;
            foreach (AccessListEntry entry in tx.AccessList)
            {
                listPayload += Rlp.GetListLength(EntryPayloadLength(entry));
            }

            length += Rlp.GetListLength(listPayload);
        }

        return length;
    }

    private static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        int first = value.IndexOfAnyExcept((byte)0);
        return first < 0 ? [] : value[first..];
    }

    private static void Validate(Transaction tx)
    {
        switch (tx.Type)
        {
            case TransactionType.Legacy:
                RequireZero(tx.MaxFeePerGas, "MaxFeePerGas", "a legacy transaction uses GasPrice");
                RequireZero(tx.MaxPriorityFeePerGas, "MaxPriorityFeePerGas", "a legacy transaction uses GasPrice");
                if (tx.AccessList.Count != 0)
                {
                    throw new InvalidTransactionException(
                        "A legacy transaction cannot carry an access list; use TransactionType.AccessList (EIP-2930) or DynamicFee (EIP-1559).");
                }

                break;
            case TransactionType.AccessList:
                RequireChainId(tx);
                RequireZero(tx.MaxFeePerGas, "MaxFeePerGas", "an EIP-2930 transaction uses GasPrice");
                RequireZero(tx.MaxPriorityFeePerGas, "MaxPriorityFeePerGas", "an EIP-2930 transaction uses GasPrice");
                break;
            case TransactionType.DynamicFee:
                RequireChainId(tx);
                RequireZero(tx.GasPrice, "GasPrice", "an EIP-1559 transaction uses MaxFeePerGas and MaxPriorityFeePerGas");
                break;
            default:
                throw new InvalidTransactionException(
                    $"Transaction type {(int)tx.Type} is not supported; use Legacy, AccessList (EIP-2930) or DynamicFee (EIP-1559).");
        }

        RequireUInt256(tx.GasPrice, "GasPrice");
        RequireUInt256(tx.MaxFeePerGas, "MaxFeePerGas");
        RequireUInt256(tx.MaxPriorityFeePerGas, "MaxPriorityFeePerGas");
        RequireUInt256(tx.Value, "Value");
    }

    private static void RequireChainId(Transaction tx)
    {
        if (tx.ChainId is null)
        {
            throw new InvalidTransactionException(
                $"A {tx.Type} transaction must have a ChainId; only legacy transactions may omit it (pre-EIP-155, replayable on every chain).");
        }
    }

    private static void RequireZero(in BigInteger value, string field, string why)
    {
        if (!value.IsZero)
        {
            throw new InvalidTransactionException($"{field} is set to {value}, but {why}; leave {field} at zero.");
        }
    }

    private static void RequireUInt256(in BigInteger value, string field)
    {
        if (!EvmInteger.FitsUnsigned(value, 256))
        {
            throw new InvalidTransactionException($"{field} is {value}; it must be between 0 and 2^256 − 1 wei.");
        }
    }
}
