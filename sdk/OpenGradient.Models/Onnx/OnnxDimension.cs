namespace OpenGradient.Models.Onnx;

/// <summary>One dimension of a declared input or output: a fixed size or a named dynamic size.</summary>
public readonly record struct OnnxDimension
{
    private OnnxDimension(long value, string? parameter)
    {
        Value = value;
        Parameter = parameter;
    }

    /// <summary>The fixed size, or -1 for a dynamic dimension.</summary>
    public long Value { get; }

    /// <summary>The name of a dynamic dimension (e.g. "batch"), or null for a fixed one.</summary>
    public string? Parameter { get; }

    /// <summary>A fixed dimension of <paramref name="size"/> elements.</summary>
    public static OnnxDimension Fixed(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new OnnxDimension(size, null);
    }

    /// <summary>A dynamic dimension named <paramref name="parameter"/>.</summary>
    public static OnnxDimension Dynamic(string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(parameter);
        return new OnnxDimension(-1, parameter);
    }

    public static implicit operator OnnxDimension(long size) => Fixed(size);

    /// <summary>Same as the implicit conversion, for languages without one.</summary>
    public static OnnxDimension FromInt64(long size) => Fixed(size);
}
