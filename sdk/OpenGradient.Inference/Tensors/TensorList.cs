using System.Collections;

namespace OpenGradient.Inference.Tensors;

/// <summary>
/// An ordered list of named tensors with unique names: the input or the output of one inference.
/// Encode with <see cref="Encode"/> and decode with <see cref="Decode"/> (docs/protocol.md section 1).
/// </summary>
public sealed class TensorList : IReadOnlyList<NamedTensor>, IEquatable<TensorList>
{
    private readonly NamedTensor[] _tensors;

    /// <summary>Creates a list; names must be unique.</summary>
    /// <exception cref="TensorCodecException">Two tensors share a name.</exception>
    public TensorList(IEnumerable<NamedTensor> tensors)
        : this(CopyOf(tensors))
    {
    }

    internal TensorList(NamedTensor[] tensors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            if (!names.Add(tensor.Name))
            {
                throw new TensorCodecException(TensorCodecError.DuplicateName, tensor.Name, "two tensors in one list have this name; names must be unique within a list.");
            }
        }

        _tensors = tensors;
    }

    /// <summary>The empty list.</summary>
    public static TensorList Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _tensors.Length;

    /// <inheritdoc />
    public NamedTensor this[int index] => _tensors[index];

    /// <summary>Creates a list of the given tensors.</summary>
    public static TensorList Of(params NamedTensor[] tensors) => new(CopyOf(tensors));

    /// <summary>Decodes the canonical ABI encoding of <c>Tensor[]</c>, rejecting anything non-canonical.</summary>
    /// <exception cref="TensorCodecException">The bytes break a rule of docs/protocol.md section 1.</exception>
    public static TensorList Decode(ReadOnlySpan<byte> encoded) => TensorCodec.Decode(encoded);

    /// <summary>The canonical ABI encoding of this list as <c>Tensor[]</c>.</summary>
    public byte[] Encode() => TensorCodec.Encode(this);

    /// <summary>The tensor named <paramref name="name"/>, or null.</summary>
    public NamedTensor? Find(string name)
    {
        foreach (var tensor in _tensors)
        {
            if (string.Equals(tensor.Name, name, StringComparison.Ordinal))
            {
                return tensor;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public IEnumerator<NamedTensor> GetEnumerator() => ((IEnumerable<NamedTensor>)_tensors).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(TensorList? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _tensors.Length; i++)
        {
            if (!_tensors[i].Equals(other._tensors[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TensorList);

    /// <inheritdoc />
    public override int GetHashCode() => _tensors.Length == 0 ? 0 : HashCode.Combine(_tensors.Length, _tensors[0]);

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join("; ", (IEnumerable<NamedTensor>)_tensors) + "]";

    private static NamedTensor[] CopyOf(IEnumerable<NamedTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        return [.. tensors];
    }
}
