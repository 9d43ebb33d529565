namespace OpenGradient.Inference.Tensors;

/// <summary>Which rule of docs/protocol.md section 1 a tensor or an encoding broke.</summary>
public enum TensorCodecError
{
    /// <summary>The bytes end before the structure they describe.</summary>
    Truncated,

    /// <summary>An offset is not where the canonical ABI encoder puts it.</summary>
    NonCanonicalOffset,

    /// <summary>Bytes follow the end of the encoding.</summary>
    TrailingBytes,

    /// <summary>A word that holds a small type (uint8, uint32, a length) has non-zero high bytes, or string padding is not zero.</summary>
    NonCanonicalWord,

    /// <summary>The name is empty, longer than 64 bytes or not valid UTF-8.</summary>
    InvalidName,

    /// <summary>Two tensors in one list have the same name.</summary>
    DuplicateName,

    /// <summary>The element type is not 0, 1 or 2.</summary>
    InvalidElementType,

    /// <summary>Decimals above 18, or non-zero for an Int or Bool tensor.</summary>
    InvalidDecimals,

    /// <summary>A dimension is 0 (or too large), or the values do not fill the shape exactly.</summary>
    InvalidShape,

    /// <summary>A value is outside the allowed range (|q| &gt;= 2^127 for Fixed, outside int128 for Int).</summary>
    ValueOutOfRange,

    /// <summary>A Bool value is not 0 or 1.</summary>
    InvalidBool,

    /// <summary>A NaN or an infinity cannot be quantized.</summary>
    NotFinite,
}
