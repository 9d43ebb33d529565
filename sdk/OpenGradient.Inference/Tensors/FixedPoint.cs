using System.Numerics;

namespace OpenGradient.Inference.Tensors;

/// <summary>
/// Exact conversions between floats and fixed point (docs/protocol.md section 1.1).
/// <see cref="Quantize(double, int)"/> is exact: the float is split into <c>m · 2^e</c> and
/// <c>m · 10^d · 2^e</c> is rounded half to even in 128-bit integer arithmetic (|m| &lt; 2^53 and
/// 10^18 &lt; 2^60, so the product fits without loss). The reverse, <see cref="ToSingle"/> and
/// <see cref="ToDouble"/>, round <c>q / 10^d</c> correctly (half to even) to the nearest float, so
/// every implementation feeds the model the same input bits.
/// </summary>
public static class FixedPoint
{
    private static readonly UInt128 FixedLimit = UInt128.One << 127;

    private static readonly ulong[] PowersOfTen = BuildPowers();

    /// <summary>10^<paramref name="decimals"/> for 0..18.</summary>
    public static ulong PowerOfTen(int decimals) => PowersOfTen[decimals];

    /// <summary>Quantizes a float32 exactly; throws for NaN, infinities and |q| &gt;= 2^127.</summary>
    /// <exception cref="TensorCodecException">The value cannot be represented.</exception>
    public static Int128 Quantize(float value, int decimals) => Quantize((double)value, decimals, null);

    /// <summary>Quantizes a double exactly; throws for NaN, infinities and |q| &gt;= 2^127.</summary>
    /// <exception cref="TensorCodecException">The value cannot be represented.</exception>
    public static Int128 Quantize(double value, int decimals) => Quantize(value, decimals, null);

    /// <summary>
    /// Quantizes exactly. Returns <see cref="TensorCodecError.NotFinite"/> or
    /// <see cref="TensorCodecError.ValueOutOfRange"/> through <paramref name="error"/> instead of throwing.
    /// </summary>
    public static bool TryQuantize(double value, int decimals, out Int128 quantized, out TensorCodecError error)
    {
        if (decimals is < 0 or > NamedTensor.MaxDecimals)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Decimals must be 0..18.");
        }

        quantized = Int128.Zero;
        error = TensorCodecError.NotFinite;
        if (!double.IsFinite(value))
        {
            return false;
        }

        var bits = BitConverter.DoubleToUInt64Bits(value);
        var negative = (bits >> 63) != 0;
        var exponentField = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & ((1UL << 52) - 1);
        int exponent;
        if (exponentField == 0)
        {
            exponent = -1074; // subnormal (or ±0 when mantissa is 0)
        }
        else
        {
            mantissa |= 1UL << 52;
            exponent = exponentField - 1075;
        }

        if (mantissa == 0)
        {
            return true; // -0.0 and +0.0 both encode as 0
        }

        UInt128 n = (UInt128)mantissa * PowersOfTen[decimals]; // < 2^113
        UInt128 magnitude;
        if (exponent >= 0)
        {
            var bitLength = 128 - (int)UInt128.LeadingZeroCount(n);
            if (bitLength + exponent > 127)
            {
                error = TensorCodecError.ValueOutOfRange;
                return false;
            }

            magnitude = n << exponent;
        }
        else
        {
            var shift = -exponent;
            if (shift >= 128)
            {
                magnitude = UInt128.Zero; // n < 2^113 <= 2^(shift-1): below one half
            }
            else
            {
                magnitude = n >> shift;
                var remainder = n & ((UInt128.One << shift) - UInt128.One);
                var half = UInt128.One << (shift - 1);
                if (remainder > half || (remainder == half && (magnitude & UInt128.One) == UInt128.One))
                {
                    magnitude++;
                }
            }
        }

        if (magnitude >= FixedLimit)
        {
            error = TensorCodecError.ValueOutOfRange;
            return false;
        }

        quantized = negative ? -(Int128)magnitude : (Int128)magnitude;
        return true;
    }

    /// <summary>
    /// <c>q / 10^decimals</c> correctly rounded (half to even) to the nearest float32. Every legal Fixed
    /// value is inside the float32 normal range, so there is no overflow or subnormal case.
    /// </summary>
    public static float ToSingle(Int128 quantized, int decimals)
    {
        // Fast path: q and 10^d are exact doubles and IEEE division rounds correctly; rounding that
        // double again to float is innocuous because 53 >= 2·24 + 2 (Figueroa's double-rounding theorem).
        if (IsExactDouble(quantized) && decimals is >= 0 and <= NamedTensor.MaxDecimals)
        {
            return (float)((double)quantized / PowersOfTen[decimals]);
        }

        return (float)RoundQuotient(quantized, decimals, 24);
    }

    /// <summary><c>q / 10^decimals</c> correctly rounded (half to even) to the nearest double.</summary>
    public static double ToDouble(Int128 quantized, int decimals)
    {
        if (IsExactDouble(quantized) && decimals is >= 0 and <= NamedTensor.MaxDecimals)
        {
            return (double)quantized / PowersOfTen[decimals]; // one correctly rounded IEEE division
        }

        return RoundQuotient(quantized, decimals, 53);
    }

    // |q| <= 2^53: converts to double without rounding (10^d for d <= 18 < 22 is exact too).
    private static bool IsExactDouble(Int128 q) => q >= -(Int128)(1L << 53) && q <= (Int128)(1L << 53);

    internal static Int128 Quantize(double value, int decimals, string? tensorName)
    {
        if (TryQuantize(value, decimals, out var q, out var error))
        {
            return q;
        }

        var message = error == TensorCodecError.NotFinite
            ? $"{value} cannot be encoded: NaN and infinities have no fixed-point form (an executor reports FailureReason.NonFiniteOutput instead)."
            : $"{value} at {decimals} decimals gives |q| >= 2^127; use fewer decimals or scale the value.";
        throw new TensorCodecException(error, tensorName, message);
    }

    private static double RoundQuotient(Int128 quantized, int decimals, int precision)
    {
        if (decimals is < 0 or > NamedTensor.MaxDecimals)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Decimals must be 0..18.");
        }

        if (quantized == Int128.Zero)
        {
            return 0.0;
        }

        var negative = quantized < Int128.Zero;
        var numerator = BigInteger.Abs((BigInteger)quantized);
        var denominator = new BigInteger(PowersOfTen[decimals]);
        if (decimals == 0 && numerator.GetBitLength() <= precision)
        {
            return negative ? -(double)numerator : (double)numerator;
        }

        // Scale so the integer quotient has `precision` or `precision + 1` bits.
        var shift = precision - (int)(numerator.GetBitLength() - denominator.GetBitLength());
        var quotient = Divide(numerator, denominator, shift, out var remainder, out var divisor);
        if (quotient.GetBitLength() > precision)
        {
            shift--;
            quotient = Divide(numerator, denominator, shift, out remainder, out divisor);
        }

        var twice = remainder << 1;
        if (twice > divisor || (twice == divisor && !quotient.IsEven))
        {
            quotient++;
            if (quotient.GetBitLength() > precision)
            {
                quotient >>= 1;
                shift--;
            }
        }

        var result = Math.ScaleB((double)quotient, -shift);
        return negative ? -result : result;
    }

    private static BigInteger Divide(BigInteger numerator, BigInteger denominator, int shift, out BigInteger remainder, out BigInteger divisor)
    {
        if (shift >= 0)
        {
            divisor = denominator;
            return BigInteger.DivRem(numerator << shift, denominator, out remainder);
        }

        divisor = denominator << -shift;
        return BigInteger.DivRem(numerator, divisor, out remainder);
    }

    private static ulong[] BuildPowers()
    {
        var powers = new ulong[NamedTensor.MaxDecimals + 1];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
