namespace OpenGradient.Oracle.Configuration;

/// <summary>How transactions are priced, replaced and confirmed (section <c>Transactions</c>).</summary>
public sealed class TransactionSenderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Transactions";

    /// <summary>Blocks on top of a receipt's block before an outcome is reported (1 = mined).</summary>
    public int Confirmations { get; set; } = 1;

    /// <summary>How often receipts are polled.</summary>
    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A transaction with no receipt after this long is replaced with higher fees.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Percent added to both fee fields on each replacement (nodes require at least 10).</summary>
    public int FeeBumpPercent { get; set; } = 20;

    /// <summary>Blocks of <c>eth_feeHistory</c> used to price a transaction.</summary>
    public int FeeHistoryBlocks { get; set; } = 10;

    /// <summary>The priority-fee percentile read from the fee history.</summary>
    public double PriorityFeePercentile { get; set; } = 50;

    /// <summary>The lowest priority fee offered, in wei.</summary>
    public long MinPriorityFeeWei { get; set; } = 1_000_000_000;

    /// <summary>The highest max fee per gas ever offered, in wei (a replacement stops bumping there).</summary>
    public long MaxFeePerGasCapWei { get; set; } = 500_000_000_000;

    /// <summary>Percent added to <c>eth_estimateGas</c> when an intent gives no gas limit.</summary>
    public int GasEstimateMarginPercent { get; set; } = 25;

    /// <summary>How many transactions may be submitted at once (beyond that SubmitAsync waits).</summary>
    public int MaxInFlight { get; set; } = 64;
}
