using System.Diagnostics;
using System.Numerics;
using NUnit.Framework;
using OpenGradient.Contracts;
using OpenGradient.Inference.Tensors;
using OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;

namespace OpenGradient.Oracle.EndToEnd.Tests.JobScenarios;

/// <summary>
/// The benchmark's second figure: jobs per second through one oracle node on an automining devnet, from the
/// request transactions to every result on chain. Prints the figure; asserts only that every job got its result.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Benchmark")]
public sealed class ThroughputBenchmarkTests
{
    private const int Jobs = 40;
    private OracleNetwork _network = null!;

    [OneTimeSetUp]
    public async Task StartNetworkAsync() => _network = await OracleNetwork.StartAsync(nodes: 1);

    [OneTimeTearDown]
    public async Task StopNetworkAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    [Test]
    public async Task OneNode_ExecutesAndSubmitsEveryRequestedJob_AndReportsJobsPerSecond()
    {
        var jobs = new List<BigInteger>(Jobs);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Jobs; i++)
        {
            var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [i, 1f, 2f, 3f])).Encode();
            jobs.Add((await _network.RequestAsync(input)).JobId);
        }

        var requested = watch.Elapsed;
        var hub = _network.HubReader;
        await Eventually.WaitAsync(
            async () =>
            {
                foreach (var jobId in jobs)
                {
                    if (await hub.JobStatusAsync(jobId) is JobStatus.Assigned)
                    {
                        return false;
                    }
                }

                return true;
            },
            TimeSpan.FromMinutes(4),
            () => "not every job got a result. Output:" + Environment.NewLine + _network.Oracles[0].Output);
        var total = watch.Elapsed;

        foreach (var jobId in jobs)
        {
            Assert.That(await hub.JobStatusAsync(jobId), Is.Not.EqualTo(JobStatus.Assigned));
        }

        await TestContext.Out.WriteLineAsync(
            $"{Jobs} jobs through one node: requests sent in {requested.TotalSeconds:F1} s, all results on chain after {total.TotalSeconds:F1} s = {Jobs / total.TotalSeconds:F2} jobs/s end to end");
    }
}
