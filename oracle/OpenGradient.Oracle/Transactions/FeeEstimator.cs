using System.Numerics;
using Microsoft.Extensions.Options;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Oracle.Configuration;

namespace OpenGradient.Oracle.Transactions;

/// <summary>
/// Prices transactions from <c>eth_feeHistory</c>: the tip is the configured percentile of recent blocks' tips (at least
/// <see cref="TransactionSenderOptions.MinPriorityFeeWei"/>); the max fee is twice the next block's base fee plus the tip,
/// so the transaction stays valid through several full blocks. Replacements raise both fields by at least
/// <see cref="TransactionSenderOptions.FeeBumpPercent"/> (nodes demand +10%), never above the cap.
/// </summary>
internal sealed class FeeEstimator
{
    private readonly JsonRpcClient _rpc;
    private readonly TransactionSenderOptions _options;

    public FeeEstimator(JsonRpcClient rpc, IOptions<TransactionSenderOptions> options)
    {
        _rpc = rpc;
        _options = options.Value;
    }

    public async Task<Fees> SuggestAsync(CancellationToken cancellationToken)
    {
        FeeHistory history = await _rpc.GetFeeHistoryAsync(_options.FeeHistoryBlocks, BlockParameter.Latest, [_options.PriorityFeePercentile], cancellationToken).ConfigureAwait(false);
        return FromHistory(history, _options);
    }

    /// <summary>The fees for a history (pure; see the class summary).</summary>
    public static Fees FromHistory(FeeHistory history, TransactionSenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        BigInteger nextBaseFee = history.BaseFeePerGas.Count > 0 ? history.BaseFeePerGas[^1] : BigInteger.Zero;
        var tips = new List<BigInteger>(history.Reward.Count);
        foreach (IReadOnlyList<BigInteger> reward in history.Reward)
        {
            if (reward.Count > 0)
            {
                tips.Add(reward[0]);
            }
        }

        tips.Sort();
        BigInteger tip = tips.Count > 0 ? tips[tips.Count / 2] : BigInteger.Zero;
        tip = BigInteger.Max(tip, options.MinPriorityFeeWei);
        BigInteger cap = options.MaxFeePerGasCapWei;
        BigInteger maxFee = BigInteger.Min((2 * nextBaseFee) + tip, cap);
        return new Fees(maxFee, BigInteger.Min(tip, maxFee));
    }

    /// <summary>
    /// The fees for a replacement of a transaction priced <paramref name="previous"/>: each field raised by the bump percent
    /// (rounded up), or to the current suggestion when that is higher, capped at the configured maximum.
    /// </summary>
    public static Fees Bump(Fees previous, Fees suggested, TransactionSenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        BigInteger percent = 100 + options.FeeBumpPercent;
        BigInteger tip = BigInteger.Max(CeilingPercent(previous.MaxPriorityFeePerGas, percent), suggested.MaxPriorityFeePerGas);
        BigInteger maxFee = BigInteger.Max(CeilingPercent(previous.MaxFeePerGas, percent), suggested.MaxFeePerGas);
        maxFee = BigInteger.Max(maxFee, tip);
        BigInteger cap = options.MaxFeePerGasCapWei;
        maxFee = BigInteger.Min(maxFee, cap);
        tip = BigInteger.Min(tip, maxFee);
        return new Fees(maxFee, tip);
    }

    /// <summary>True when <paramref name="next"/> raises both fields by at least 10% over <paramref name="previous"/> (what nodes require of a replacement).</summary>
    public static bool IsValidReplacement(Fees previous, Fees next) =>
        next.MaxFeePerGas * 10 >= previous.MaxFeePerGas * 11 && next.MaxPriorityFeePerGas * 10 >= previous.MaxPriorityFeePerGas * 11;

    private static BigInteger CeilingPercent(BigInteger value, BigInteger percent) => BigInteger.Max(((value * percent) + 99) / 100, value + 1);
}
