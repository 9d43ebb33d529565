using System.Globalization;
using System.Numerics;

namespace OpenGradient.Oracle.Staking;

/// <summary>Whole-OPG amounts (up to 18 decimals) to and from wei.</summary>
internal static class OpgAmount
{
    private static readonly BigInteger WeiPerOpg = BigInteger.Pow(10, 18);

    /// <exception cref="ArgumentOutOfRangeException">Negative, or more than 18 decimals.</exception>
    public static BigInteger ToWei(decimal opg)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(opg);
        var scaled = opg * 1_000_000_000m; // two steps keep within decimal's 28 digits
        var whole = decimal.Truncate(scaled);
        var rest = (scaled - whole) * 1_000_000_000m;
        if (rest != decimal.Truncate(rest))
        {
            throw new ArgumentOutOfRangeException(nameof(opg), opg, "OPG has 18 decimals; give at most 18 digits after the point.");
        }

        return (new BigInteger(whole) * 1_000_000_000) + new BigInteger(rest);
    }

    public static string Format(BigInteger wei)
    {
        var whole = BigInteger.DivRem(wei, WeiPerOpg, out var rest);
        return rest.IsZero
            ? whole.ToString(CultureInfo.InvariantCulture)
            : whole.ToString(CultureInfo.InvariantCulture) + "." + rest.ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
    }
}
