using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace OpenGradient.Inference.Tensors;

/// <summary>
/// The canonical codec of docs/protocol.md section 1: <c>abi.encode(Tensor[])</c> written and read
/// directly on spans (no general ABI machinery, no LINQ). The decoder recomputes where the canonical
/// encoder puts every offset and rejects any other layout, so equal tensors always mean equal bytes.
/// </summary>
/// <remarks>
/// Layout: word 0 = 0x20; then the array length N; then N offsets (relative to the word after the
/// length) of the N tuples; each tuple is 5 head words (name offset = 0xa0, elementType, decimals,
/// shape offset, values offset; offsets relative to the tuple start) followed by the name (length +
/// zero-padded bytes), the shape (length + uint32 words) and the values (length + int256 words).
/// </remarks>
public static class TensorCodec
{
    private const int Word = 32;
    private const int TupleHeadWords = 5;

    /// <summary>Encodes <paramref name="tensors"/> canonically.</summary>
    public static byte[] Encode(TensorList tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var output = new byte[GetEncodedLength(tensors)];
        Encode(tensors, output);
        return output;
    }

    /// <summary>The exact length of the encoding of <paramref name="tensors"/>.</summary>
    public static int GetEncodedLength(TensorList tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        long length = 2 * Word + ((long)Word * tensors.Count);
        foreach (var tensor in tensors)
        {
            length += TupleLength(tensor);
        }

        return checked((int)length);
    }

    /// <summary>Encodes into <paramref name="destination"/>, which must be exactly <see cref="GetEncodedLength"/> bytes.</summary>
    public static void Encode(TensorList tensors, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (destination.Length != GetEncodedLength(tensors))
        {
            throw new ArgumentException("Destination length must equal GetEncodedLength(tensors).", nameof(destination));
        }

        destination.Clear();
        WriteUInt(destination[..Word], Word);
        WriteUInt(destination.Slice(Word, Word), (ulong)tensors.Count);
        var elements = destination[(2 * Word)..];
        long tupleOffset = (long)Word * tensors.Count;
        for (var i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i];
            WriteUInt(elements.Slice(i * Word, Word), (ulong)tupleOffset);
            var tupleLength = TupleLength(tensor);
            WriteTuple(tensor, elements.Slice((int)tupleOffset, (int)tupleLength));
            tupleOffset += tupleLength;
        }
    }

    /// <summary>Decodes a canonical encoding, rejecting anything section 1 forbids.</summary>
    /// <exception cref="TensorCodecException">The bytes are not a canonical <c>Tensor[]</c> encoding.</exception>
    public static TensorList Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length < 2 * Word)
        {
            throw Error(TensorCodecError.Truncated, null, $"the encoding is {encoded.Length} bytes; even an empty list takes 64 bytes (offset 0x20 and length 0).");
        }

        var head = ReadSmall(encoded, 0, null, "the list offset");
        if (head != Word)
        {
            throw Error(TensorCodecError.NonCanonicalOffset, null, $"the list offset is {head}, the canonical encoding has 0x20 (abi.encode of a single Tensor[] value).");
        }

        var count = ReadSmall(encoded, Word, null, "the list length");
        var elements = encoded[(2 * Word)..];
        if (count > (ulong)elements.Length / (Word + (TupleHeadWords * Word)))
        {
            throw Error(TensorCodecError.Truncated, null, $"the list claims {count} tensors but only {elements.Length} bytes follow.");
        }

        var tensors = new NamedTensor[(int)count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        long expectedOffset = (long)Word * tensors.Length;
        for (var i = 0; i < tensors.Length; i++)
        {
            var offset = ReadSmall(elements, i * Word, null, "the offset of tensor {0}", i);
            if (offset != (ulong)expectedOffset)
            {
                throw Error(TensorCodecError.NonCanonicalOffset, null, $"tensor {i} starts at offset {offset}, the canonical encoding puts it at {expectedOffset}.");
            }

            var tensor = DecodeTuple(elements[(int)expectedOffset..], i, out var consumed);
            if (!names.Add(tensor.Name))
            {
                throw Error(TensorCodecError.DuplicateName, tensor.Name, "two tensors in the list have this name; names must be unique.");
            }

            tensors[i] = tensor;
            expectedOffset += consumed;
        }

        if (expectedOffset != elements.Length)
        {
            throw Error(TensorCodecError.TrailingBytes, null, $"{elements.Length - expectedOffset} bytes follow the last tensor; a canonical encoding ends exactly after it.");
        }

        return new TensorList(tensors);
    }

    private static long TupleLength(NamedTensor tensor) =>
        (TupleHeadWords * Word) + NameLength(tensor.Name) + Word + ((long)Word * tensor.Shape.Length) + Word + ((long)Word * tensor.ElementCount);

    private static long NameLength(string name)
    {
        var bytes = NamedTensor.StrictUtf8.GetByteCount(name);
        return Word + (((bytes + Word - 1) / Word) * Word);
    }

    private static void WriteTuple(NamedTensor tensor, Span<byte> tuple)
    {
        var nameLength = (int)NameLength(tensor.Name);
        var shapeOffset = (TupleHeadWords * Word) + nameLength;
        var valuesOffset = shapeOffset + Word + (Word * tensor.Shape.Length);
        WriteUInt(tuple[..Word], TupleHeadWords * Word);
        WriteUInt(tuple.Slice(Word, Word), (ulong)tensor.ElementType);
        WriteUInt(tuple.Slice(2 * Word, Word), (ulong)tensor.Decimals);
        WriteUInt(tuple.Slice(3 * Word, Word), (ulong)shapeOffset);
        WriteUInt(tuple.Slice(4 * Word, Word), (ulong)valuesOffset);

        var name = tuple.Slice(TupleHeadWords * Word, nameLength);
        var written = NamedTensor.StrictUtf8.GetBytes(tensor.Name, name[Word..]);
        WriteUInt(name[..Word], (ulong)written);

        var shape = tensor.Shape;
        WriteUInt(tuple.Slice(shapeOffset, Word), (ulong)shape.Length);
        for (var d = 0; d < shape.Length; d++)
        {
            WriteUInt(tuple.Slice(shapeOffset + Word + (d * Word), Word), (ulong)shape[d]);
        }

        var values = tensor.Values;
        WriteUInt(tuple.Slice(valuesOffset, Word), (ulong)values.Length);
        var position = valuesOffset + Word;
        for (var v = 0; v < values.Length; v++, position += Word)
        {
            WriteInt(tuple.Slice(position, Word), values[v]);
        }
    }

    private static NamedTensor DecodeTuple(ReadOnlySpan<byte> tuple, int index, out long consumed)
    {
        if (tuple.Length < TupleHeadWords * Word)
        {
            throw Error(TensorCodecError.Truncated, null, $"tensor {index} needs a 160-byte head but only {tuple.Length} bytes remain.");
        }

        var nameOffset = ReadSmall(tuple, 0, null, "the name offset of tensor {0}", index);
        if (nameOffset != TupleHeadWords * Word)
        {
            throw Error(TensorCodecError.NonCanonicalOffset, null, $"the name of tensor {index} is at offset {nameOffset}, the canonical encoding puts it at 160.");
        }

        // Name first, so every later error can name the tensor.
        var nameLength = ReadSmall(tuple, TupleHeadWords * Word, null, "the name length of tensor {0}", index);
        var nameStart = (TupleHeadWords * Word) + Word;
        if (nameLength > (ulong)(tuple.Length - nameStart))
        {
            throw Error(TensorCodecError.Truncated, null, $"the name of tensor {index} claims {nameLength} bytes but only {tuple.Length - nameStart} remain.");
        }

        var paddedName = (int)(((nameLength + Word - 1) / Word) * Word);
        if (paddedName > tuple.Length - nameStart)
        {
            throw Error(TensorCodecError.Truncated, null, $"the padding of the name of tensor {index} is cut off.");
        }

        var nameBytes = tuple.Slice(nameStart, (int)nameLength);
        string name;
        try
        {
            name = NamedTensor.StrictUtf8.GetString(nameBytes);
        }
        catch (DecoderFallbackException)
        {
            throw Error(TensorCodecError.InvalidName, null, $"the name of tensor {index} is not valid UTF-8.");
        }

        if (nameLength is < 1 or > NamedTensor.MaxNameBytes)
        {
            throw Error(TensorCodecError.InvalidName, nameLength == 0 ? null : name, $"the name of tensor {index} is {nameLength} bytes; names must be 1..{NamedTensor.MaxNameBytes} bytes.");
        }

        if (tuple.Slice(nameStart + (int)nameLength, paddedName - (int)nameLength).ContainsAnyExcept((byte)0))
        {
            throw Error(TensorCodecError.NonCanonicalWord, name, "the padding after the name is not zero.");
        }

        var elementTypeWord = ReadSmall(tuple, Word, name, "elementType");
        var decimalsWord = ReadSmall(tuple, 2 * Word, name, "decimals");
        if (elementTypeWord > 2)
        {
            throw Error(TensorCodecError.InvalidElementType, name, $"element type {elementTypeWord} is unknown; it must be 0 (Fixed), 1 (Int) or 2 (Bool).");
        }

        if (decimalsWord > NamedTensor.MaxDecimals)
        {
            throw Error(TensorCodecError.InvalidDecimals, name, $"decimals {decimalsWord} is above {NamedTensor.MaxDecimals}.");
        }

        var elementType = (TensorElementType)elementTypeWord;
        var decimals = (int)decimalsWord;
        try
        {
            NamedTensor.ValidateHeader(name, elementType, decimals);
        }
        catch (TensorCodecException e)
        {
            throw Error(e.Error, name, e.Detail);
        }

        var shapeOffset = nameStart + paddedName;
        var declaredShapeOffset = ReadSmall(tuple, 3 * Word, name, "the shape offset");
        if (declaredShapeOffset != (ulong)shapeOffset)
        {
            throw Error(TensorCodecError.NonCanonicalOffset, name, $"the shape is at offset {declaredShapeOffset}, the canonical encoding puts it at {shapeOffset}.");
        }

        var rank = ReadLength(tuple, shapeOffset, name, "the shape");
        var shape = new int[rank];
        long product = 1;
        for (var d = 0; d < rank; d++)
        {
            var dim = ReadSmall(tuple, shapeOffset + Word + (d * Word), name, "dimension {0}", d);
            if (dim > uint.MaxValue)
            {
                throw Error(TensorCodecError.NonCanonicalWord, name, $"dimension {d} does not fit a uint32.");
            }

            if (dim == 0)
            {
                throw Error(TensorCodecError.InvalidShape, name, $"dimension {d} is 0; every dimension must be at least 1.");
            }

            if (dim > int.MaxValue)
            {
                throw Error(TensorCodecError.InvalidShape, name, $"dimension {d} is {dim}; no values array can fill it.");
            }

            shape[d] = (int)dim;
            product = Math.Min(product * (long)dim, long.MaxValue / uint.MaxValue);
        }

        var valuesOffset = shapeOffset + Word + (rank * Word);
        var declaredValuesOffset = ReadSmall(tuple, 4 * Word, name, "the values offset");
        if (declaredValuesOffset != (ulong)valuesOffset)
        {
            throw Error(TensorCodecError.NonCanonicalOffset, name, $"the values are at offset {declaredValuesOffset}, the canonical encoding puts them at {valuesOffset}.");
        }

        var count = ReadLength(tuple, valuesOffset, name, "the values");
        if (count != product)
        {
            throw Error(TensorCodecError.InvalidShape, name, $"the shape [{string.Join(',', shape)}] holds {product} elements but there are {count} values.");
        }

        var values = new Int128[count];
        var position = valuesOffset + Word;
        for (var v = 0; v < count; v++, position += Word)
        {
            var value = ReadInt(tuple.Slice(position, Word), name, v);
            try
            {
                NamedTensor.ValidateValue(name, elementType, v, value);
            }
            catch (TensorCodecException e)
            {
                throw Error(e.Error, name, e.Detail);
            }

            values[v] = value;
        }

        consumed = position;
        return new NamedTensor(name, elementType, decimals, shape, values, validateValues: false);
    }

    // A length word followed by that many 32-byte words, all inside the span.
    private static int ReadLength(ReadOnlySpan<byte> tuple, int offset, string name, string what)
    {
        if (offset + Word > tuple.Length)
        {
            throw Error(TensorCodecError.Truncated, name, $"the length of {what} is cut off.");
        }

        var length = ReadSmall(tuple, offset, name, "the length of {0}", what);
        if (length > (ulong)((tuple.Length - offset - Word) / Word))
        {
            throw Error(TensorCodecError.Truncated, name, $"{what} claims {length} words but only {(tuple.Length - offset - Word) / Word} remain.");
        }

        return (int)length;
    }

    // A uint256 word that must fit a ulong (offsets, lengths, small enums): high 24 bytes zero.
    // `what` is a composite format with one argument, formatted only when the word is bad (no
    // allocation on the hot path).
    private static ulong ReadSmall(ReadOnlySpan<byte> data, int offset, string? name, string what, object? argument = null)
    {
        if (offset + Word > data.Length)
        {
            throw Error(TensorCodecError.Truncated, name, $"{Describe(what, argument)} is cut off.");
        }

        var word = data.Slice(offset, Word);
        if (word[..24].ContainsAnyExcept((byte)0))
        {
            throw Error(TensorCodecError.NonCanonicalWord, name, $"{Describe(what, argument)} is out of range (its high bytes are not zero).");
        }

        return BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
    }

    private static string Describe(string what, object? argument) =>
        argument is null ? what : string.Format(CultureInfo.InvariantCulture, what, argument);

    private static Int128 ReadInt(ReadOnlySpan<byte> word, string name, int index)
    {
        var value = BinaryPrimitives.ReadInt128BigEndian(word[16..]);
        var extension = value < Int128.Zero ? (byte)0xFF : (byte)0;
        if (word[..16].ContainsAnyExcept(extension))
        {
            throw Error(TensorCodecError.ValueOutOfRange, name, $"value {index} does not fit int128; Fixed values must satisfy |q| < 2^127 and Int values must be 128-bit integers.");
        }

        return value;
    }

    private static void WriteUInt(Span<byte> word, ulong value) => BinaryPrimitives.WriteUInt64BigEndian(word[24..], value);

    private static void WriteInt(Span<byte> word, Int128 value)
    {
        word[..16].Fill(value < Int128.Zero ? (byte)0xFF : (byte)0);
        BinaryPrimitives.WriteInt128BigEndian(word[16..], value);
    }

    private static TensorCodecException Error(TensorCodecError error, string? name, string message) =>
        new(error, name, message + " The bytes are not a canonical Tensor[] encoding (docs/protocol.md section 1): produce them with abi.encode(Tensor[]) or TensorCodec.Encode.");
}
