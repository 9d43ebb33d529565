namespace OpenGradient.Inference.Tensors;

/// <summary>The element type of a canonical tensor (docs/protocol.md section 1).</summary>
public enum TensorElementType : byte
{
    /// <summary>A real number as fixed point: <c>q = round_half_even(x · 10^decimals)</c>.</summary>
    Fixed = 0,

    /// <summary>An integer (ONNX int8..int64, uint8..uint64); decimals must be 0.</summary>
    Int = 1,

    /// <summary>A boolean, 0 or 1; decimals must be 0.</summary>
    Bool = 2,
}
