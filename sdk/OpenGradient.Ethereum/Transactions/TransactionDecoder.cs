using System.Numerics;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Transactions;

/// <summary>
/// Strict decoding of signed transactions: canonical RLP only, exact field counts, exact field
/// sizes, valid signature values. Every failure is a <see cref="TransactionDecodingException"/>
/// naming the field.
/// </summary>
internal static class TransactionDecoder
{
    private static readonly string[] LegacyFields = ["nonce", "gasPrice", "gasLimit", "to", "value", "data", "v", "r", "s"];
    private static readonly string[] AccessListFields = ["chainId", "nonce", "gasPrice", "gasLimit", "to", "value", "data", "accessList", "yParity", "r", "s"];
    private static readonly string[] DynamicFeeFields = ["chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gasLimit", "to", "value", "data", "accessList", "yParity", "r", "s"];

    internal static SignedTransaction Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new TransactionDecodingException("The raw transaction is empty; pass the bytes eth_sendRawTransaction takes.");
        }

        byte first = encoded[0];
        if (first >= 0xC0)
        {
            return DecodeLegacy(DecodeList(encoded, "legacy"));
        }

        return first switch
        {
            0x01 => DecodeTyped(TransactionType.AccessList, DecodeList(encoded[1..], "EIP-2930"), AccessListFields),
            0x02 => DecodeTyped(TransactionType.DynamicFee, DecodeList(encoded[1..], "EIP-1559"), DynamicFeeFields),
            0x03 => throw new TransactionDecodingException("Transaction type 0x03 (EIP-4844 blob transaction) is not supported; only legacy, 0x01 and 0x02 are."),
            0x04 => throw new TransactionDecodingException("Transaction type 0x04 (EIP-7702 set-code transaction) is not supported; only legacy, 0x01 and 0x02 are."),
            >= 0x80 => throw new TransactionDecodingException(
                $"The raw transaction starts with 0x{first:x2}, an RLP string header; a legacy transaction is an RLP list (0xc0..0xff) and a typed one starts with its type byte."),
            _ => throw new TransactionDecodingException(
                $"The raw transaction starts with unknown type byte 0x{first:x2}; supported are legacy (an RLP list), 0x01 (EIP-2930) and 0x02 (EIP-1559)."),
        };
    }

    private static IReadOnlyList<RlpItem> DecodeList(ReadOnlySpan<byte> encoded, string kind)
    {
        RlpItem item;
        try
        {
            item = Rlp.Decode(encoded);
        }
        catch (RlpDecodingException ex)
        {
            throw new TransactionDecodingException($"The {kind} transaction is not canonical RLP: {ex.Message}", ex);
        }

        if (!item.IsList)
        {
            throw new TransactionDecodingException($"The {kind} transaction payload is an RLP string; it must be a list of fields.");
        }

        return item.Items;
    }

    private static SignedTransaction DecodeLegacy(IReadOnlyList<RlpItem> fields)
    {
        CheckCount(fields, LegacyFields, "legacy");
        BigInteger v = Field(fields, LegacyFields, 6, static f => f.ToBigInteger());
        ulong? chainId;
        int yParity;
        if (v == 27 || v == 28)
        {
            chainId = null;
            yParity = (int)(v - 27);
        }
        else if (v >= 35 && (v - 35) / 2 <= ulong.MaxValue)
        {
            chainId = (ulong)((v - 35) / 2);
            yParity = (int)((v - 35) % 2);
        }
        else
        {
            throw new TransactionDecodingException(
                $"Legacy transaction field 'v' is {v}; it must be 27 or 28 (pre-EIP-155) or chainId·2 + 35 or 36 (EIP-155).");
        }

        var tx = new Transaction
        {
            Type = TransactionType.Legacy,
            ChainId = chainId,
            Nonce = Field(fields, LegacyFields, 0, static f => f.ToUInt64()),
            GasPrice = Field(fields, LegacyFields, 1, static f => f.ToBigInteger()),
            GasLimit = Field(fields, LegacyFields, 2, static f => f.ToUInt64()),
            To = ReadTo(fields[3]),
            Value = Field(fields, LegacyFields, 4, static f => f.ToBigInteger()),
            Data = Field(fields, LegacyFields, 5, static f => f.Bytes.ToArray()),
        };
        return new SignedTransaction(tx, ReadSignature(fields, LegacyFields, 7, yParity));
    }

    private static SignedTransaction DecodeTyped(TransactionType type, IReadOnlyList<RlpItem> fields, string[] names)
    {
        string kind = type == TransactionType.AccessList ? "EIP-2930" : "EIP-1559";
        CheckCount(fields, names, kind);
        int i = 0;
        ulong chainId = Field(fields, names, i++, static f => f.ToUInt64());
        ulong nonce = Field(fields, names, i++, static f => f.ToUInt64());
        BigInteger gasPrice = BigInteger.Zero, maxPriority = BigInteger.Zero, maxFee = BigInteger.Zero;
        if (type == TransactionType.DynamicFee)
        {
            maxPriority = Field(fields, names, i++, static f => f.ToBigInteger());
            maxFee = Field(fields, names, i++, static f => f.ToBigInteger());
        }
        else
        {
            gasPrice = Field(fields, names, i++, static f => f.ToBigInteger());
        }

        ulong gasLimit = Field(fields, names, i++, static f => f.ToUInt64());
        Address? to = ReadTo(fields[i++]);
        BigInteger value = Field(fields, names, i++, static f => f.ToBigInteger());
        byte[] data = Field(fields, names, i++, static f => f.Bytes.ToArray());
        IReadOnlyList<AccessListEntry> accessList = ReadAccessList(fields[i++]);
        ulong yParity = Field(fields, names, i, static f => f.ToUInt64());
        if (yParity > 1)
        {
            throw new TransactionDecodingException($"{kind} transaction field 'yParity' is {yParity}; it must be 0 or 1.");
        }

        var tx = new Transaction
        {
            Type = type,
            ChainId = chainId,
            Nonce = nonce,
            GasPrice = gasPrice,
            MaxPriorityFeePerGas = maxPriority,
            MaxFeePerGas = maxFee,
            GasLimit = gasLimit,
            To = to,
            Value = value,
            Data = data,
            AccessList = accessList,
        };
        return new SignedTransaction(tx, ReadSignature(fields, names, i + 1, (int)yParity));
    }

    private static void CheckCount(IReadOnlyList<RlpItem> fields, string[] names, string kind)
    {
        if (fields.Count != names.Length)
        {
            throw new TransactionDecodingException(
                $"A signed {kind} transaction has {names.Length} fields ({string.Join(", ", names)}) but this one has {fields.Count}.");
        }
    }

    private static T Field<T>(IReadOnlyList<RlpItem> fields, string[] names, int index, Func<RlpItem, T> read)
    {
        try
        {
            return read(fields[index]);
        }
        catch (RlpDecodingException ex)
        {
            throw new TransactionDecodingException($"Transaction field '{names[index]}' is invalid: {ex.Message}", ex);
        }
    }

    private static Address? ReadTo(RlpItem item)
    {
        if (item.IsList)
        {
            throw new TransactionDecodingException("Transaction field 'to' is a list; it must be empty (contract creation) or a 20-byte address.");
        }

        ReadOnlySpan<byte> bytes = item.Bytes;
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (bytes.Length != Address.Size)
        {
            throw new TransactionDecodingException(
                $"Transaction field 'to' has {bytes.Length} bytes; it must be empty (contract creation) or a 20-byte address.");
        }

        return Address.FromBytes(bytes);
    }

    private static List<AccessListEntry> ReadAccessList(RlpItem item)
    {
        if (!item.IsList)
        {
            throw new TransactionDecodingException("Transaction field 'accessList' is a byte string; it must be a list of [address, [storageKey, ...]] entries.");
        }

        var entries = new List<AccessListEntry>(item.Items.Count);
        for (int e = 0; e < item.Items.Count; e++)
        {
            RlpItem entry = item.Items[e];
            if (!entry.IsList || entry.Items.Count != 2 || entry.Items[0].IsList || !entry.Items[1].IsList)
            {
                throw new TransactionDecodingException(
                    $"Transaction field 'accessList[{e}]' must be a list [address, [storageKey, ...]].");
            }

            ReadOnlySpan<byte> address = entry.Items[0].Bytes;
            if (address.Length != Address.Size)
            {
                throw new TransactionDecodingException(
                    $"Transaction field 'accessList[{e}].address' has {address.Length} bytes; it must be 20.");
            }

            IReadOnlyList<RlpItem> keyItems = entry.Items[1].Items;
            var keys = new byte[keyItems.Count][];
            for (int k = 0; k < keys.Length; k++)
            {
                if (keyItems[k].IsList || keyItems[k].Bytes.Length != 32)
                {
                    throw new TransactionDecodingException(
                        $"Transaction field 'accessList[{e}].storageKeys[{k}]' must be a 32-byte string.");
                }

                keys[k] = keyItems[k].Bytes.ToArray();
            }

            entries.Add(new AccessListEntry(Address.FromBytes(address), keys));
        }

        return entries;
    }

    private static EthSignature ReadSignature(IReadOnlyList<RlpItem> fields, string[] names, int rIndex, int yParity)
    {
        BigInteger r = Field(fields, names, rIndex, static f => f.ToBigInteger());
        BigInteger s = Field(fields, names, rIndex + 1, static f => f.ToBigInteger());
        Span<byte> rBytes = stackalloc byte[32];
        Span<byte> sBytes = stackalloc byte[32];
        r.TryWriteBytes(rBytes[(32 - Math.Max(1, r.GetByteCount(isUnsigned: true)))..], out _, isUnsigned: true, isBigEndian: true);
        s.TryWriteBytes(sBytes[(32 - Math.Max(1, s.GetByteCount(isUnsigned: true)))..], out _, isUnsigned: true, isBigEndian: true);
        try
        {
            return EthSignature.FromComponents(rBytes, sBytes, yParity);
        }
        catch (SignatureException ex)
        {
            throw new TransactionDecodingException($"The transaction's signature is invalid: {ex.Message}", ex);
        }
    }
}
