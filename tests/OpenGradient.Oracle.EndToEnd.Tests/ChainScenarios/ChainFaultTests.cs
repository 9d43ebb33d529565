using NUnit.Framework;
using OpenGradient.Contracts;
using OpenGradient.Inference.Tensors;
using OpenGradient.Oracle.EndToEnd.Tests.Infrastructure;
using OpenGradient.Oracle.EndToEnd.Tests.JobScenarios;

namespace OpenGradient.Oracle.EndToEnd.Tests.ChainScenarios;

/// <summary>
/// Scenarios 5 and 6: a reorg below the confirmation depth makes no node act on the abandoned branch, and three nodes
/// that reach the chain only through a proxy that drops, delays and fails requests still finish every job exactly once.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ChainFaultTests
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(OracleNetwork.ChallengeWindowSeconds + 120);

    [Test]
    public async Task ReorgBelowTheConfirmationDepth_TheAbandonedRequestIsNeverActedOn()
    {
        await using OracleNetwork network = await OracleNetwork.StartAsync(nodes: 3, extra: _ => new Dictionary<string, string> { ["Chain:Confirmations"] = "3" });

        // Branch A: job N with an input of the wrong shape (acting on it would report a failure for job N).
        string snapshot = await network.Node.SnapshotAsync();
        byte[] wrongShape = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 3], [1f, 2f, 3f])).Encode();
        (System.Numerics.BigInteger abandonedId, _) = await network.RequestAsync(wrongShape);

        // Reorg it away before it has 3 confirmations, and put a valid request with the same job id on the new branch.
        await network.Node.RevertAsync(snapshot);
        byte[] valid = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [0.5f, 1f, -1f, 2f])).Encode();
        (System.Numerics.BigInteger jobId, _) = await network.RequestAsync(valid);
        Assert.That(jobId, Is.EqualTo(abandonedId), "the new branch reuses the job id");

        JobStatus status = await network.WaitForStatusAsync(jobId, SettleTimeout, JobStatus.Finalized, JobStatus.Refunded, JobStatus.Rejected);

        Assert.That(status, Is.EqualTo(JobStatus.Finalized), "a failure report for the abandoned wrong-shape input would have refunded the job");
        foreach (OracleProcess oracle in network.Oracles)
        {
            Assert.That(oracle.IsRunning, Is.True, oracle.Output);
        }
    }

    [Test]
    public async Task RpcDropsDelaysAnd5xx_NodesRecoverAndEveryJobFinishesOnce()
    {
        OracleNetwork? network = null;
        var proxies = new List<FaultyRpcProxy>();
        try
        {
            network = await OracleNetwork.StartAsync(nodes: 3);

            // From now on every node reaches the chain only through its own faulty proxy.
            foreach (OracleProcess oracle in network.Oracles)
            {
                var proxy = new FaultyRpcProxy(network.Node.RpcUrl, faultShare: 0.3, delay: TimeSpan.FromSeconds(2), seed: proxies.Count + 1);
                proxies.Add(proxy);
                await oracle.KillAsync();
            }

            var restarted = new List<OracleProcess>();
            for (int i = 0; i < network.Oracles.Count; i++)
            {
                OracleNodeSettings settings = network.Oracles[i].Settings;
                var extra = new Dictionary<string, string>(settings.Extra) { ["Chain:RpcUrl"] = proxies[i].Url.ToString() };
                var oracle = new OracleProcess(new OracleNodeSettings
                {
                    Name = settings.Name,
                    RpcUrl = proxies[i].Url,
                    DeploymentFile = settings.DeploymentFile,
                    DevPrivateKey = settings.DevPrivateKey,
                    DataDirectory = settings.DataDirectory,
                    Extra = extra,
                });
                restarted.Add(oracle);
                oracle.Start();
            }

            network.Oracles.Clear();
            network.Oracles.AddRange(restarted);
            foreach (OracleProcess oracle in restarted)
            {
                await oracle.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            }

            var jobs = new List<System.Numerics.BigInteger>();
            for (int i = 0; i < 3; i++)
            {
                byte[] input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [i, 1f, 2f, 3f])).Encode();
                jobs.Add((await network.RequestAsync(input)).JobId);
            }

            foreach (System.Numerics.BigInteger job in jobs)
            {
                JobStatus status = await network.WaitForStatusAsync(job, SettleTimeout, JobStatus.Finalized, JobStatus.Refunded, JobStatus.Rejected);
                Assert.That(status, Is.EqualTo(JobStatus.Finalized), $"job {job}");
            }

            int faults = 0;
            foreach (FaultyRpcProxy proxy in proxies)
            {
                faults += proxy.Dropped + proxy.Delayed + proxy.Failed;
            }

            Assert.That(faults, Is.GreaterThan(10), "the proxies really injected faults");
            foreach (OracleProcess oracle in restarted)
            {
                Assert.That(oracle.IsRunning, Is.True, oracle.Output);
            }
        }
        finally
        {
            if (network is not null)
            {
                await network.DisposeAsync();
            }

            foreach (FaultyRpcProxy proxy in proxies)
            {
                await proxy.DisposeAsync();
            }
        }
    }
}
