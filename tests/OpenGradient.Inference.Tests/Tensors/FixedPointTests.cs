using System.Numerics;
using CsCheck;
using OpenGradient.Inference.Tensors;

namespace OpenGradient.Inference.Tests.Tensors;

public sealed class FixedPointTests
{
    [TestCase(1.5f, 6, "1500000")]
    [TestCase(0.5f, 0, "0")]
    [TestCase(1.5f, 0, "2")]
    [TestCase(2.5f, 0, "2")]
    [TestCase(3.5f, 0, "4")]
    [TestCase(-2.5f, 0, "-2")]
    [TestCase(-3.5f, 0, "-4")]
    [TestCase(0.125f, 2, "12")] // 12.5 exactly: tie to even
    [TestCase(0.375f, 2, "38")] // 37.5 exactly: tie to even
    [TestCase(-0.125f, 2, "-12")]
    [TestCase(0.25f, 1, "2")] // 2.5: tie, even neighbour below
    [TestCase(0.75f, 1, "8")] // 7.5: tie, even neighbour above
    [TestCase(-0.75f, 1, "-8")]
    [TestCase(-0.0f, 6, "0")]
    [TestCase(0.1f, 1, "1")] // 0.100000001490116… · 10
    [TestCase(0.1f, 18, "100000001490116119")] // exact binary value, not 10^17
    [TestCase(float.Epsilon, 18, "0")] // smallest subnormal
    [TestCase(16777217f, 0, "16777216")] // the float itself is 2^24
    [TestCase(1e30f, 6, "1000000015047466219876688855040000000")]
    public void Quantize_Float32_GivesExactRoundHalfEven(float x, int decimals, string expected)
    {
        Assert.That(FixedPoint.Quantize(x, decimals).ToString(), Is.EqualTo(expected));
    }

    [TestCase(float.NaN, TensorCodecError.NotFinite)]
    [TestCase(float.PositiveInfinity, TensorCodecError.NotFinite)]
    [TestCase(float.NegativeInfinity, TensorCodecError.NotFinite)]
    [TestCase(1e33f, TensorCodecError.ValueOutOfRange)] // 1e39 >= 2^127
    [TestCase(-1e33f, TensorCodecError.ValueOutOfRange)]
    public void Quantize_Unrepresentable_ThrowsTensorCodecException(float x, TensorCodecError expected)
    {
        var e = Assert.Throws<TensorCodecException>(() => FixedPoint.Quantize(x, 6));

        Assert.That(e!.Error, Is.EqualTo(expected));
    }

    [Test]
    public void Quantize_JustBelowTwoPow127_IsAcceptedAndTwoPow127IsNot()
    {
        var below = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(Math.Pow(2, 127)) - 1);

        Assert.That((BigInteger)FixedPoint.Quantize(below, 0), Is.EqualTo(ExactReference.Quantize(below, 0)));
        Assert.That(FixedPoint.TryQuantize(Math.Pow(2, 127), 0, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(TensorCodecError.ValueOutOfRange));
    }

    [Test]
    public void Quantize_RandomFloat32_EqualsBigIntegerReference()
    {
        Gen.Float.Where(float.IsFinite).Select(Gen.Int[0, 18]).Sample((x, d) =>
        {
            var ok = FixedPoint.TryQuantize(x, d, out var q, out _);
            var reference = ExactReference.Quantize(x, d);
            var inRange = BigInteger.Abs(reference) < (BigInteger.One << 127);
            return ok == inRange && (!ok || (BigInteger)q == reference);
        }, iter: 20_000);
    }

    [Test]
    public void Quantize_RandomDouble_EqualsBigIntegerReference()
    {
        Gen.Double.Where(double.IsFinite).Select(Gen.Int[0, 18]).Sample((x, d) =>
        {
            var ok = FixedPoint.TryQuantize(x, d, out var q, out _);
            var reference = ExactReference.Quantize(x, d);
            var inRange = BigInteger.Abs(reference) < (BigInteger.One << 127);
            return ok == inRange && (!ok || (BigInteger)q == reference);
        }, iter: 20_000);
    }

    [Test]
    public void Quantize_HalfIntegersAtZeroDecimals_RoundToEven()
    {
        for (var k = -50; k <= 50; k++)
        {
            var x = k + 0.5;
            var q = FixedPoint.Quantize(x, 0);
            var floor = (Int128)Math.Floor(x);
            var expected = Int128.IsEvenInteger(floor) ? floor : floor + 1;
            Assert.That(q, Is.EqualTo(expected), $"{x}");
        }
    }

    [Test]
    public void Quantize_IsMonotone()
    {
        Gen.Float.Where(float.IsFinite).Select(Gen.Float.Where(float.IsFinite), Gen.Int[0, 18]).Sample((a, b, d) =>
        {
            var (lo, hi) = a <= b ? (a, b) : (b, a);
            var okLo = FixedPoint.TryQuantize(lo, d, out var qLo, out _);
            var okHi = FixedPoint.TryQuantize(hi, d, out var qHi, out _);
            return !(okLo && okHi) || qLo <= qHi;
        }, iter: 20_000);
    }

    [Test]
    public void ToSingle_RandomFixedPoint_IsTheNearestFloat()
    {
        Gen.Long.Select(Gen.Int[0, 18]).Sample((raw, d) =>
        {
            var q = (Int128)raw;
            var r = FixedPoint.ToSingle(q, d);
            return ExactReference.CompareDistance(r, MathF.BitIncrement(r), (BigInteger)q, d) <= 0
                && ExactReference.CompareDistance(r, MathF.BitDecrement(r), (BigInteger)q, d) <= 0;
        }, iter: 20_000);
    }

    [Test]
    public void ToSingleAndToDouble_FastPathRange_AreTheNearestFloats()
    {
        // |q| <= 2^53 takes the double-division fast path; check it against the exact reference.
        Gen.Long[-(1L << 53), 1L << 53].Select(Gen.Int[0, 18]).Sample((raw, d) =>
        {
            var q = (Int128)raw;
            var f = FixedPoint.ToSingle(q, d);
            var x = FixedPoint.ToDouble(q, d);
            return ExactReference.CompareDistance(f, MathF.BitIncrement(f), (BigInteger)q, d) <= 0
                && ExactReference.CompareDistance(f, MathF.BitDecrement(f), (BigInteger)q, d) <= 0
                && ExactReference.CompareDistance(x, Math.BitIncrement(x), (BigInteger)q, d) <= 0
                && ExactReference.CompareDistance(x, Math.BitDecrement(x), (BigInteger)q, d) <= 0;
        }, iter: 20_000);
    }

    [Test]
    public void ToDouble_RandomWideFixedPoint_IsTheNearestDouble()
    {
        Gen.Long.Select(Gen.Long, Gen.Int[0, 18]).Sample((hi, lo, d) =>
        {
            var q = new Int128((ulong)(hi >> 2), (ulong)lo); // |q| < 2^126
            var r = FixedPoint.ToDouble(q, d);
            return ExactReference.CompareDistance(r, Math.BitIncrement(r), (BigInteger)q, d) <= 0
                && ExactReference.CompareDistance(r, Math.BitDecrement(r), (BigInteger)q, d) <= 0;
        }, iter: 20_000);
    }

    [Test]
    public void ToSingle_ThenQuantize_RoundTripsForSixDecimalInputsBelow2Pow24()
    {
        // A fixed-point input the model sees as a float comes back to the same q when |q| < 2^24.
        Gen.Int[-(1 << 24), 1 << 24].Sample(raw => FixedPoint.Quantize(FixedPoint.ToSingle(raw, 0), 0) == raw, iter: 5_000);
    }
}
