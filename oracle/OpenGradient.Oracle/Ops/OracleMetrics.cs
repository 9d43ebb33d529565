using Prometheus;

namespace OpenGradient.Oracle.Ops;

/// <summary>
/// Every Prometheus metric the node exports on <c>/metrics</c>, in one place, on the node's own registry (so tests can
/// build several hosts in one process). Features increment these; nobody creates metrics elsewhere.
/// </summary>
internal sealed class OracleMetrics
{
    public OracleMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        IMetricFactory factory = Metrics.WithCustomRegistry(Registry);
        JobsTotal = factory.CreateCounter("og_jobs_total", "Jobs this node finished handling, by outcome (submitted, failure_reported, skipped, expired, error).", new CounterConfiguration { LabelNames = ["outcome"] });
        ExecutionSeconds = factory.CreateHistogram(
            "og_execution_seconds",
            "Model execution time in seconds (ONNX Runtime run plus input/output codec).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        CursorLagBlocks = factory.CreateGauge("og_cursor_lag_blocks", "Blocks between the chain head and the watcher's cursor (includes the confirmation depth).");
        ConfirmedHeadBlock = factory.CreateGauge("og_confirmed_head_block", "The newest block the watcher treats as confirmed.");
        CursorBlock = factory.CreateGauge("og_cursor_block", "The next block the watcher will read.");
        Reorgs = factory.CreateCounter("og_chain_reorgs_total", "Reorganizations detected by the watcher (stored hash no longer canonical).");
        LogsObserved = factory.CreateCounter("og_logs_observed_total", "Confirmed contract logs handed to the consumer.");
        PendingTransactions = factory.CreateGauge("og_pending_transactions", "Transaction intents recorded but not yet final.");
        TransactionsTotal = factory.CreateCounter("og_transactions_total", "Transaction intents finished, by outcome (succeeded, reverted, rejected).", new CounterConfiguration { LabelNames = ["outcome"] });
        TransactionReplacements = factory.CreateCounter("og_transaction_replacements_total", "Stuck transactions replaced with higher fees.");
        GasUsedTotal = factory.CreateCounter("og_gas_used_total", "Gas used by this node's mined transactions.");
        GasSpentWeiTotal = factory.CreateCounter("og_gas_spent_wei_total", "Wei spent on gas by this node's mined transactions (gasUsed x effectiveGasPrice).");
        DisputesTotal = factory.CreateCounter("og_disputes_total", "Dispute actions of this node (challenged, voted_commit, voted_reveal, won, lost).", new CounterConfiguration { LabelNames = ["action"] });
        VerificationsTotal = factory.CreateCounter("og_verifications_total", "Results of other nodes re-executed, by verdict (agree, disagree, skipped).", new CounterConfiguration { LabelNames = ["verdict"] });
        RpcErrorsTotal = factory.CreateCounter("og_rpc_errors_total", "RPC failures that reached a background loop (after retries), by component.", new CounterConfiguration { LabelNames = ["component"] });
    }

    /// <summary>The registry <c>/metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Jobs by outcome; label values: submitted, failure_reported, skipped, expired, error.</summary>
    public Counter JobsTotal { get; }

    /// <summary>Execution time histogram (seconds).</summary>
    public Histogram ExecutionSeconds { get; }

    /// <summary>Head minus cursor, in blocks.</summary>
    public Gauge CursorLagBlocks { get; }

    /// <summary>The confirmed head block.</summary>
    public Gauge ConfirmedHeadBlock { get; }

    /// <summary>The cursor block.</summary>
    public Gauge CursorBlock { get; }

    /// <summary>Reorgs detected.</summary>
    public Counter Reorgs { get; }

    /// <summary>Logs handed to the consumer.</summary>
    public Counter LogsObserved { get; }

    /// <summary>Open transaction intents.</summary>
    public Gauge PendingTransactions { get; }

    /// <summary>Finished intents by outcome.</summary>
    public Counter TransactionsTotal { get; }

    /// <summary>Fee-bumped replacements.</summary>
    public Counter TransactionReplacements { get; }

    /// <summary>Gas units used.</summary>
    public Counter GasUsedTotal { get; }

    /// <summary>Wei spent on gas.</summary>
    public Counter GasSpentWeiTotal { get; }

    /// <summary>Dispute actions; label values: challenged, voted_commit, voted_reveal, won, lost.</summary>
    public Counter DisputesTotal { get; }

    /// <summary>Verifications by verdict; label values: agree, disagree, skipped.</summary>
    public Counter VerificationsTotal { get; }

    /// <summary>RPC failures seen by background loops, by component.</summary>
    public Counter RpcErrorsTotal { get; }
}
