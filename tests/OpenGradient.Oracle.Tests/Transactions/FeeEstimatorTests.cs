using NUnit.Framework;
using System.Numerics;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Oracle.Configuration;
using OpenGradient.Oracle.Transactions;

namespace OpenGradient.Oracle.Tests.Transactions;

public sealed class FeeEstimatorTests
{
    private static readonly TransactionSenderOptions Options = new() { FeeBumpPercent = 20, MinPriorityFeeWei = 1_000, MaxFeePerGasCapWei = 1_000_000 };

    [Test]
    public void FromHistory_TwiceNextBaseFeePlusMedianTip()
    {
        var history = new FeeHistory
        {
            OldestBlock = 10,
            BaseFeePerGas = [100, 120, 150],
            GasUsedRatio = [0.5, 0.9],
            Reward = [[5_000], [3_000]],
        };

        Fees fees = FeeEstimator.FromHistory(history, Options);

        Assert.That(fees.MaxPriorityFeePerGas, Is.EqualTo(new BigInteger(5_000)));
        Assert.That(fees.MaxFeePerGas, Is.EqualTo(new BigInteger((2 * 150) + 5_000)));
    }

    [Test]
    public void FromHistory_EmptyRewards_UsesTheMinimumTip()
    {
        var history = new FeeHistory { OldestBlock = 1, BaseFeePerGas = [7], GasUsedRatio = [], Reward = [] };

        Fees fees = FeeEstimator.FromHistory(history, Options);

        Assert.That(fees.MaxPriorityFeePerGas, Is.EqualTo(new BigInteger(1_000)));
        Assert.That(fees.MaxFeePerGas, Is.EqualTo(new BigInteger(1_014)));
    }

    [Test]
    public void FromHistory_HugeBaseFee_IsCapped()
    {
        var history = new FeeHistory { OldestBlock = 1, BaseFeePerGas = [10_000_000], GasUsedRatio = [], Reward = [] };

        Fees fees = FeeEstimator.FromHistory(history, Options);

        Assert.That(fees.MaxFeePerGas, Is.EqualTo(new BigInteger(1_000_000)));
    }

    [Test]
    public void Bump_RaisesBothFieldsByThePercentRoundedUp()
    {
        var previous = new Fees(10_001, 2_001);

        Fees bumped = FeeEstimator.Bump(previous, new Fees(1, 1), Options);

        Assert.That(bumped, Is.EqualTo(new Fees(12_002, 2_402)));
        Assert.That(FeeEstimator.IsValidReplacement(previous, bumped), Is.True);
    }

    [Test]
    public void Bump_CurrentSuggestionHigher_TakesTheSuggestion()
    {
        Fees bumped = FeeEstimator.Bump(new Fees(10_000, 2_000), new Fees(50_000, 9_000), Options);

        Assert.That(bumped, Is.EqualTo(new Fees(50_000, 9_000)));
    }

    [Test]
    public void Bump_ZeroTip_StillRaisesIt()
    {
        Fees bumped = FeeEstimator.Bump(new Fees(100, 0), new Fees(0, 0), Options);

        Assert.That(bumped.MaxPriorityFeePerGas, Is.GreaterThan(BigInteger.Zero));
    }

    [Test]
    public void Bump_AtTheCap_IsNotAValidReplacement()
    {
        var atCap = new Fees(1_000_000, 5_000);

        Fees bumped = FeeEstimator.Bump(atCap, atCap, Options);

        Assert.That(bumped.MaxFeePerGas, Is.EqualTo(new BigInteger(1_000_000)));
        Assert.That(FeeEstimator.IsValidReplacement(atCap, bumped), Is.False);
    }

    [TestCase(100, 10, 110, 11, true)]
    [TestCase(100, 10, 109, 11, false)]
    [TestCase(100, 10, 110, 10, false)]
    public void IsValidReplacement_RequiresTenPercentOnBothFields(long fee, long tip, long newFee, long newTip, bool valid) =>
        Assert.That(FeeEstimator.IsValidReplacement(new Fees(fee, tip), new Fees(newFee, newTip)), Is.EqualTo(valid));
}
