using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;

namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// A contract event: its signature, topic 0, topic encoding for filters and log decoding.
/// </summary>
/// <remarks>
/// An indexed value of a static elementary type (<c>uintN</c>, <c>intN</c>, <c>address</c>, <c>bool</c>, <c>bytesN</c>)
/// is its 32-byte word and decodes back to the value. Any other indexed value (<c>string</c>, <c>bytes</c>, arrays,
/// tuples) is stored as the Keccak-256 of its in-place encoding, cannot be recovered, and decodes to that 32-byte
/// hash as a <c>byte[]</c>.
/// </remarks>
public sealed class AbiEvent
{
    private readonly byte[] _topic0;

    /// <summary>Creates an event description.</summary>
    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = [.. inputs];
        Anonymous = anonymous;
        Signature = AbiSignatureParser.Signature(name, Inputs);
        _topic0 = Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(Signature));
        var data = new List<AbiParameter>();
        int indexed = 0;
        foreach (AbiParameter p in Inputs)
        {
            if (p.Indexed)
            {
                indexed++;
            }
            else
            {
                data.Add(p);
            }
        }

        if (indexed > (anonymous ? 4 : 3))
        {
            throw new AbiFormatException(
                $"Event {Signature} has {indexed} indexed fields but a log holds at most {(anonymous ? 4 : 3)} (4 topics, one taken by the signature unless the event is anonymous).");
        }

        DataParameters = data;
        IndexedCount = indexed;
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>All fields in declaration order, indexed or not.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>Whether the event is anonymous (no signature topic).</summary>
    public bool Anonymous { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>Keccak-256 of <see cref="Signature"/>: the first topic of a non-anonymous event's logs.</summary>
    public ReadOnlySpan<byte> Topic0 => _topic0;

    /// <summary><see cref="Topic0"/> as <c>0x</c>-prefixed hex.</summary>
    public string Topic0Hex => Hex.Encode(_topic0);

    /// <summary>Number of indexed fields.</summary>
    public int IndexedCount { get; }

    private IReadOnlyList<AbiParameter> DataParameters { get; }

    /// <summary>Parses <c>event Transfer(address indexed from, address indexed to, uint256 value)</c> (optionally <c>anonymous</c>).</summary>
    /// <exception cref="AbiFormatException">The text is not an event declaration.</exception>
    public static AbiEvent Parse(string text) => AbiSignatureParser.ParseEvent(text);

    /// <summary>
    /// The topic for an indexed field holding <paramref name="value"/> (for log filters): the 32-byte word of a static
    /// elementary value, otherwise the Keccak-256 of the value's in-place encoding.
    /// </summary>
    /// <exception cref="AbiEncodingException">The value does not fit the type.</exception>
    public static byte[] EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (IsWordTopic(type))
        {
            var word = new byte[32];
            AbiWriter.Write(type, value, word);
            return word;
        }

        using var buffer = new MemoryStream();
        WriteInPlace(type, value, buffer, nested: false);
        return Keccak256.Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>The topic for the indexed field called <paramref name="fieldName"/>.</summary>
    public byte[] EncodeTopic(string fieldName, object? value)
    {
        foreach (AbiParameter p in Inputs)
        {
            if (p.Name == fieldName)
            {
                return p.Indexed
                    ? EncodeTopic(p.Type, value)
                    : throw new ArgumentException($"Field '{fieldName}' of {Signature} is not indexed, so logs cannot be filtered by it.", nameof(fieldName));
            }
        }

        throw new ArgumentException($"Event {Signature} has no field named '{fieldName}'.", nameof(fieldName));
    }

    /// <summary>Decodes a log of this event (its topics and data) into named values in declaration order.</summary>
    /// <exception cref="AbiDecodingException">The topics do not match the event, or the data is not canonically encoded.</exception>
    public AbiValues DecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        int first = Anonymous ? 0 : 1;
        if (!Anonymous && (topics.Count == 0 || !topics[0].AsSpan().SequenceEqual(_topic0)))
        {
            throw new AbiDecodingException(
                $"the log's first topic is not {Topic0Hex}, the signature hash of {Signature}; it is a different event.");
        }

        if (topics.Count - first != IndexedCount)
        {
            throw new AbiDecodingException(
                $"{Signature} has {IndexedCount} indexed field(s) but the log has {topics.Count - first} topic(s) for them; the ABI does not match the contract that emitted the log.");
        }

        object?[] dataValues = AbiDecoder.Decode(DataParameters, data);
        var values = new object?[Inputs.Count];
        int topic = first;
        int dataIndex = 0;
        for (int i = 0; i < Inputs.Count; i++)
        {
            AbiParameter p = Inputs[i];
            if (!p.Indexed)
            {
                values[i] = dataValues[dataIndex++];
                continue;
            }

            byte[] word = topics[topic++];
            if (word is null || word.Length != 32)
            {
                throw new AbiDecodingException($"topic {topic - 1} is {word?.Length ?? 0} bytes; every topic is 32 bytes.").At(p, i);
            }

            try
            {
                values[i] = IsWordTopic(p.Type) ? AbiReader.Read(p.Type, word, 0, out _) : word.ToArray();
            }
            catch (AbiDecodingException e)
            {
                throw e.At(p, i);
            }
        }

        return new AbiValues(Inputs, values);
    }

    /// <summary>The human-readable form.</summary>
    public override string ToString() =>
        AbiSignatureParser.HumanReadable("event", Name, Inputs) + (Anonymous ? " anonymous" : string.Empty);

    private static bool IsWordTopic(AbiType type) => type.Kind is AbiTypeKind.UInt or AbiTypeKind.Int or AbiTypeKind.Address
        or AbiTypeKind.Bool or AbiTypeKind.FixedBytes;

    // Solidity's encoding for hashed topics: elements padded to 32 bytes, no lengths, no offsets;
    // a top-level string/bytes is its raw content.
    private static void WriteInPlace(AbiType type, object? value, MemoryStream output, bool nested)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes or AbiTypeKind.String:
                byte[] content = type.Kind == AbiTypeKind.String
                    ? System.Text.Encoding.UTF8.GetBytes(AbiValueAccess.String(value))
                    : AbiValueAccess.Bytes(type, value).ToArray();
                output.Write(content);
                if (nested)
                {
                    output.Write(new byte[AbiWriter.Pad32(content.Length) - content.Length]);
                }

                return;
            case AbiTypeKind.Array or AbiTypeKind.FixedArray or AbiTypeKind.Tuple:
                int count = AbiValueAccess.Count(type, value);
                if (type.Kind != AbiTypeKind.Array)
                {
                    AbiValueAccess.CheckCount(type, count);
                }

                for (int i = 0; i < count; i++)
                {
                    AbiType element = type.Kind == AbiTypeKind.Tuple ? type.Components[i].Type : type.Element!;
                    WriteInPlace(element, AbiValueAccess.Item(value!, i), output, nested: true);
                }

                return;
            default:
                Span<byte> word = stackalloc byte[32];
                AbiWriter.Write(type, value, word);
                output.Write(word);
                return;
        }
    }
}
