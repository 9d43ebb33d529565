using System.Numerics;

namespace OpenGradient.Inference.Tests.Tensors;

/// <summary>BigInteger reference arithmetic, written separately from the production fast path.</summary>
internal static class ExactReference
{
    /// <summary>The exact value of a finite double as numerator · 2^exponent.</summary>
    public static (BigInteger Numerator, int Exponent) Exact(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger m = exponentBits == 0 ? fraction : fraction | (1L << 52);
        var e = exponentBits == 0 ? -1074 : exponentBits - 1075;
        return (bits < 0 ? -m : m, e);
    }

    /// <summary>round_half_even(x · 10^d) with BigInteger only.</summary>
    public static BigInteger Quantize(double x, int decimals)
    {
        var (m, e) = Exact(x);
        var n = m * BigInteger.Pow(10, decimals);
        if (e >= 0)
        {
            return n << e;
        }

        var den = BigInteger.One << -e;
        var q = BigInteger.DivRem(BigInteger.Abs(n), den, out var r);
        var twice = r * 2;
        if (twice > den || (twice == den && !q.IsEven))
        {
            q += 1;
        }

        return n.Sign < 0 ? -q : q;
    }

    /// <summary>Compares |a − q/10^d| with |b − q/10^d| exactly: negative when a is closer.</summary>
    public static int CompareDistance(double a, double b, BigInteger q, int decimals)
    {
        // Scale everything by 10^d · 2^1100 so all three are integers.
        const int Shift = 1100;
        var scaledQ = q << Shift;
        BigInteger Scaled(double v)
        {
            var (m, e) = Exact(v);
            return (m * BigInteger.Pow(10, decimals)) << (Shift + e);
        }

        var da = BigInteger.Abs(Scaled(a) - scaledQ);
        var db = BigInteger.Abs(Scaled(b) - scaledQ);
        return da.CompareTo(db);
    }
}
