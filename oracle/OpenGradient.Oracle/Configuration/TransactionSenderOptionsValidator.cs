using Microsoft.Extensions.Options;

namespace OpenGradient.Oracle.Configuration;

/// <summary>Checks <see cref="TransactionSenderOptions"/> at start.</summary>
internal sealed class TransactionSenderOptionsValidator : IValidateOptions<TransactionSenderOptions>
{
    public ValidateOptionsResult Validate(string? name, TransactionSenderOptions options)
    {
        var errors = new List<string>();
        if (options.Confirmations is < 1 or > 1000)
        {
            errors.Add($"Transactions:Confirmations is {options.Confirmations}; use 1..1000 (1 = report as soon as mined).");
        }

        if (options.ReceiptPollInterval <= TimeSpan.Zero)
        {
            errors.Add($"Transactions:ReceiptPollInterval is {options.ReceiptPollInterval}; use a positive time such as 00:00:00.500.");
        }

        if (options.StuckAfter < options.ReceiptPollInterval)
        {
            errors.Add($"Transactions:StuckAfter ({options.StuckAfter}) is shorter than Transactions:ReceiptPollInterval ({options.ReceiptPollInterval}); give a transaction at least one poll before replacing it.");
        }

        if (options.FeeBumpPercent is < 10 or > 1000)
        {
            errors.Add($"Transactions:FeeBumpPercent is {options.FeeBumpPercent}; use 10..1000 (nodes reject a replacement that raises the fees by less than 10%).");
        }

        if (options.FeeHistoryBlocks is < 1 or > 1024)
        {
            errors.Add($"Transactions:FeeHistoryBlocks is {options.FeeHistoryBlocks}; use 1..1024.");
        }

        if (options.PriorityFeePercentile is < 0 or > 100)
        {
            errors.Add($"Transactions:PriorityFeePercentile is {options.PriorityFeePercentile}; use 0..100.");
        }

        if (options.MinPriorityFeeWei < 0)
        {
            errors.Add($"Transactions:MinPriorityFeeWei is {options.MinPriorityFeeWei}; use 0 or more wei.");
        }

        if (options.MaxFeePerGasCapWei <= 0 || options.MaxFeePerGasCapWei < options.MinPriorityFeeWei)
        {
            errors.Add($"Transactions:MaxFeePerGasCapWei is {options.MaxFeePerGasCapWei}; it must be positive and at least Transactions:MinPriorityFeeWei ({options.MinPriorityFeeWei}).");
        }

        if (options.GasEstimateMarginPercent is < 0 or > 500)
        {
            errors.Add($"Transactions:GasEstimateMarginPercent is {options.GasEstimateMarginPercent}; use 0..500.");
        }

        if (options.MaxInFlight is < 1 or > 10_000)
        {
            errors.Add($"Transactions:MaxInFlight is {options.MaxInFlight}; use 1..10000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
