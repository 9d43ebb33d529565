namespace OpenGradient.Models.Samples;

/// <summary>Makes broken model files for tests of the integrity checks and the executor.</summary>
public static class CorruptModel
{
    /// <summary>The first <paramref name="keepBytes"/> bytes of <paramref name="model"/>: no longer a parsable model.</summary>
    public static byte[] Truncate(ReadOnlySpan<byte> model, int keepBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(keepBytes, model.Length);
        return model[..keepBytes].ToArray();
    }

    /// <summary>The model truncated to half its length.</summary>
    public static byte[] Truncate(ReadOnlySpan<byte> model) => Truncate(model, model.Length / 2);

    /// <summary>
    /// A copy with the last byte inverted. For the samples this lands in the last field (the opset
    /// import), so it changes the sha256 while the file may still parse: the case of a swapped file.
    /// </summary>
    public static byte[] FlipLastByte(ReadOnlySpan<byte> model)
    {
        var copy = model.ToArray();
        copy[^1] ^= 0xFF;
        return copy;
    }
}
