using System.Text;

namespace OpenGradient.Inference.Tensors;

/// <summary>
/// One canonical tensor (docs/protocol.md section 1): a name, an element type, decimals, a shape and
/// row-major values. Values are <see cref="Int128"/>: every legal Fixed value (|q| &lt; 2^127) fits, and
/// so does every ONNX integer. The constructor enforces every rule of the protocol, so an instance
/// always encodes.
/// </summary>
public sealed class NamedTensor : IEquatable<NamedTensor>
{
    /// <summary>The largest number of decimals a Fixed tensor may declare.</summary>
    public const int MaxDecimals = 18;

    /// <summary>The longest name in UTF-8 bytes.</summary>
    public const int MaxNameBytes = 64;

    private readonly int[] _shape;
    private readonly Int128[] _values;

    /// <summary>Creates a tensor, copying <paramref name="shape"/> and <paramref name="values"/>.</summary>
    /// <exception cref="TensorCodecException">A rule of the protocol is broken.</exception>
    public NamedTensor(string name, TensorElementType elementType, int decimals, ReadOnlySpan<int> shape, ReadOnlySpan<Int128> values)
        : this(name, elementType, decimals, shape.ToArray(), values.ToArray(), validateValues: true)
    {
    }

    // Takes ownership of the arrays; the decoder passes validateValues: false when it already checked them.
    internal NamedTensor(string name, TensorElementType elementType, int decimals, int[] shape, Int128[] values, bool validateValues)
    {
        ArgumentNullException.ThrowIfNull(name);
        ValidateName(name);
        ValidateHeader(name, elementType, decimals);
        long product = 1;
        foreach (var d in shape)
        {
            if (d < 1)
            {
                throw new TensorCodecException(TensorCodecError.InvalidShape, name, $"dimension {d} is not allowed: every dimension must be at least 1 (use shape [] for a scalar).");
            }

            product = checked(product * d);
        }

        if (product != values.Length)
        {
            throw new TensorCodecException(TensorCodecError.InvalidShape, name, $"the shape holds {product} elements but {values.Length} values were given; pass exactly product(shape) values in row-major order.");
        }

        if (validateValues)
        {
            for (var i = 0; i < values.Length; i++)
            {
                ValidateValue(name, elementType, i, values[i]);
            }
        }

        Name = name;
        ElementType = elementType;
        Decimals = decimals;
        _shape = shape;
        _values = values;
    }

    /// <summary>The ONNX input or output name.</summary>
    public string Name { get; }

    /// <summary>Fixed, Int or Bool.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>Decimal places of a Fixed tensor; 0 otherwise.</summary>
    public int Decimals { get; }

    /// <summary>Dimensions, outermost first; empty for a scalar.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>The values, row-major.</summary>
    public ReadOnlySpan<Int128> Values => _values;

    /// <summary>Number of elements (1 for a scalar).</summary>
    public int ElementCount => _values.Length;

    /// <summary>A Fixed tensor from already quantized values.</summary>
    public static NamedTensor Fixed(string name, int decimals, ReadOnlySpan<int> shape, ReadOnlySpan<Int128> values) =>
        new(name, TensorElementType.Fixed, decimals, shape, values);

    /// <summary>A Fixed tensor quantizing float32 values exactly (round half to even).</summary>
    public static NamedTensor FromFloats(string name, int decimals, ReadOnlySpan<int> shape, ReadOnlySpan<float> values)
    {
        ValidateHeader(name, TensorElementType.Fixed, decimals);
        var q = new Int128[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            q[i] = FixedPoint.Quantize(values[i], decimals, name);
        }

        return new NamedTensor(name, TensorElementType.Fixed, decimals, shape.ToArray(), q, validateValues: false);
    }

    /// <summary>A Fixed tensor quantizing double values exactly (round half to even).</summary>
    public static NamedTensor FromDoubles(string name, int decimals, ReadOnlySpan<int> shape, ReadOnlySpan<double> values)
    {
        ValidateHeader(name, TensorElementType.Fixed, decimals);
        var q = new Int128[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            q[i] = FixedPoint.Quantize(values[i], decimals, name);
        }

        return new NamedTensor(name, TensorElementType.Fixed, decimals, shape.ToArray(), q, validateValues: false);
    }

    /// <summary>An Int tensor.</summary>
    public static NamedTensor Int(string name, ReadOnlySpan<int> shape, ReadOnlySpan<long> values)
    {
        var v = new Int128[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            v[i] = values[i];
        }

        return new NamedTensor(name, TensorElementType.Int, 0, shape.ToArray(), v, validateValues: true);
    }

    /// <summary>A Bool tensor.</summary>
    public static NamedTensor Bool(string name, ReadOnlySpan<int> shape, ReadOnlySpan<bool> values)
    {
        var v = new Int128[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            v[i] = values[i] ? Int128.One : Int128.Zero;
        }

        return new NamedTensor(name, TensorElementType.Bool, 0, shape.ToArray(), v, validateValues: false);
    }

    /// <summary>The values as doubles (<c>q / 10^decimals</c>), for display and tolerance reports only.</summary>
    public double[] ToDoubles()
    {
        var result = new double[_values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = FixedPoint.ToDouble(_values[i], Decimals);
        }

        return result;
    }

    /// <inheritdoc />
    public bool Equals(NamedTensor? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && ElementType == other.ElementType
        && Decimals == other.Decimals
        && Shape.SequenceEqual(other.Shape)
        && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NamedTensor);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, ElementType, Decimals, _values.Length);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {ElementType}(d={Decimals}) [{string.Join(',', _shape)}]";

    internal static void ValidateName(string name)
    {
        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(name);
        }
        catch (EncoderFallbackException)
        {
            throw new TensorCodecException(TensorCodecError.InvalidName, name, "the name is not valid Unicode (unpaired surrogate); use the model's ONNX input or output name.");
        }

        if (byteCount is < 1 or > MaxNameBytes)
        {
            throw new TensorCodecException(TensorCodecError.InvalidName, name, $"the name is {byteCount} UTF-8 bytes; names must be 1..{MaxNameBytes} bytes.");
        }
    }

    internal static void ValidateHeader(string name, TensorElementType elementType, int decimals)
    {
        if (elementType is not (TensorElementType.Fixed or TensorElementType.Int or TensorElementType.Bool))
        {
            throw new TensorCodecException(TensorCodecError.InvalidElementType, name, $"element type {(int)elementType} is unknown; use 0 (Fixed), 1 (Int) or 2 (Bool).");
        }

        if (decimals is < 0 or > MaxDecimals)
        {
            throw new TensorCodecException(TensorCodecError.InvalidDecimals, name, $"decimals {decimals} is outside 0..{MaxDecimals}.");
        }

        if (elementType != TensorElementType.Fixed && decimals != 0)
        {
            throw new TensorCodecException(TensorCodecError.InvalidDecimals, name, $"an {elementType} tensor must have decimals 0, not {decimals}.");
        }
    }

    internal static void ValidateValue(string name, TensorElementType elementType, int index, Int128 value)
    {
        switch (elementType)
        {
            case TensorElementType.Fixed when value == Int128.MinValue:
                throw new TensorCodecException(TensorCodecError.ValueOutOfRange, name, $"value {index} is -2^127; Fixed values must satisfy |q| < 2^127.");
            case TensorElementType.Bool when value != Int128.Zero && value != Int128.One:
                throw new TensorCodecException(TensorCodecError.InvalidBool, name, $"value {index} is {value}; Bool values must be 0 or 1.");
            default:
                break;
        }
    }

    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
