using NUnit.Framework;
using OpenGradient.Oracle.Ops;
using Prometheus;

namespace OpenGradient.Oracle.Tests.Ops;

public sealed class OracleMetricsTests
{
    [Test]
    public async Task Export_ContainsEveryRequiredMetricWithItsValue()
    {
        var metrics = new OracleMetrics();
        metrics.JobsTotal.WithLabels("submitted").Inc(2);
        metrics.ExecutionSeconds.Observe(0.01);
        metrics.CursorLagBlocks.Set(3);
        metrics.PendingTransactions.Set(1);
        metrics.GasSpentWeiTotal.Inc(42);
        metrics.DisputesTotal.WithLabels("challenged").Inc();

        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        string text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.That(text, Does.Contain("og_jobs_total{outcome=\"submitted\"} 2"));
        Assert.That(text, Does.Contain("og_execution_seconds_count 1"));
        Assert.That(text, Does.Contain("og_cursor_lag_blocks 3"));
        Assert.That(text, Does.Contain("og_pending_transactions 1"));
        Assert.That(text, Does.Contain("og_gas_spent_wei_total 42"));
        Assert.That(text, Does.Contain("og_disputes_total{action=\"challenged\"} 1"));
    }

    [Test]
    public void TwoInstances_HaveIndependentRegistries()
    {
        var first = new OracleMetrics();
        var second = new OracleMetrics();

        first.Reorgs.Inc();

        Assert.That(second.Reorgs.Value, Is.Zero);
    }
}
