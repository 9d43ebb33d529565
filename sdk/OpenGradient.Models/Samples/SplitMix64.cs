namespace OpenGradient.Models.Samples;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; the seeding generator of xoshiro): a fixed, published
/// algorithm, so the sample weights never depend on the .NET version (System.Random's algorithm is
/// not part of its contract).
/// </summary>
public sealed class SplitMix64
{
    private ulong _state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64-bit output.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// A float in [-1, 1) on a grid of 2^-23, taken from the top 24 bits of the next output; every such
    /// value is exactly representable as a float32, so no rounding is involved.
    /// </summary>
    public float NextWeight()
    {
        var bits = (long)(NextUInt64() >> 40); // 0 .. 2^24 - 1
        return (bits - (1L << 23)) / (float)(1 << 23);
    }
}
