using System.Numerics;
using NUnit.Framework;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference.Tensors;
using OpenGradient.Models.Samples;
using OpenGradient.Testing;

namespace OpenGradient.Oracle.EndToEnd.Tests.JobScenarios;

/// <summary>
/// Scenarios 1 and 4 on one devnet with three honest oracle processes: a consumer's request is executed, finalized,
/// paid and called back; a wrong-shape input and an unobtainable model end as failures that refund the requester,
/// and no node goes down.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HonestPathTests
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(OracleNetwork.ChallengeWindowSeconds + 90);
    private OracleNetwork _network = null!;

    [OneTimeSetUp]
    public async Task StartNetworkAsync() => _network = await OracleNetwork.StartAsync(nodes: 3);

    [OneTimeTearDown]
    public async Task StopNetworkAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }

    [Test]
    public async Task ConsumerRequest_IsExecutedFinalizedPaidAndCalledBack()
    {
        var hub = _network.HubReader;
        var owner = Address.Parse(HardhatNode.Accounts[OracleNetwork.ModelOwnerAccount].Address);
        var treasury = Address.Parse(HardhatNode.Accounts[0].Address);
        var fees = await hub.QuoteFeeAsync(OracleNetwork.ModelId);
        var ownerBefore = await hub.ClaimableAsync(owner);
        var treasuryBefore = await hub.ClaimableAsync(treasury);
        var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [0.25f, -0.5f, 1.5f, 2f])).Encode();

        var consumer = new ExampleConsumerService(_network.Account(OracleNetwork.RequesterAccount), _network.Consumer);
        var receipt = await consumer.RequestScoreAsync(input, 100 * OracleNetwork.Opg);
        var requested = InferenceRequestedEvent.DecodeAll(receipt.Logs, _network.Hub).Single();
        var executorBefore = await hub.ClaimableAsync(requested.Executor);

        var status = await _network.WaitForStatusAsync(requested.JobId, SettleTimeout, JobStatus.Finalized, JobStatus.Refunded, JobStatus.Rejected);

        Assert.That(status, Is.EqualTo(JobStatus.Finalized));
        Assert.That(await hub.ClaimableAsync(requested.Executor) - executorBefore, Is.EqualTo(fees.NodeFeeAmount), "node fee");
        Assert.That(await hub.ClaimableAsync(owner) - ownerBefore, Is.EqualTo(fees.ModelFee), "model fee");
        Assert.That(await hub.ClaimableAsync(treasury) - treasuryBefore, Is.EqualTo(fees.ProtocolFee), "protocol fee");
        var reader = new ExampleConsumerService(_network.Account(0), _network.Consumer);
        Assert.That(await reader.LatestJobIdAsync(), Is.EqualTo(requested.JobId), "the consumer's callback ran");
        Assert.That(await reader.LatestScoreAsync(), Is.Not.EqualTo(BigInteger.Zero));
    }

    [Test]
    public async Task WrongShapeInput_IsReportedAsBadInputAndRefunded()
    {
        var requester = Address.Parse(HardhatNode.Accounts[OracleNetwork.RequesterAccount].Address);
        var before = await _network.HubReader.ClaimableAsync(requester);
        var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 3], [1f, 2f, 3f])).Encode();

        var (jobId, _) = await _network.RequestAsync(input);
        var escrow = await _network.HubReader.EscrowOfAsync(jobId);
        await _network.WaitForStatusAsync(jobId, SettleTimeout, JobStatus.FailureReported, JobStatus.Refunded);
        var job = await _network.HubReader.GetJobAsync(jobId);
        var status = await _network.WaitForStatusAsync(jobId, SettleTimeout, JobStatus.Refunded, JobStatus.Finalized);

        Assert.That(job.FailureReason, Is.EqualTo(FailureReason.BadInput));
        Assert.That(status, Is.EqualTo(JobStatus.Refunded));
        Assert.That(await _network.HubReader.ClaimableAsync(requester) - before, Is.EqualTo(escrow));
    }

    [Test]
    public async Task UnobtainableModel_IsReportedAsModelUnavailableAndNoNodeGoesDown()
    {
        var mlp = SampleModels.MlpClassifier();
        await new ModelRegistryService(_network.Account(OracleNetwork.ModelOwnerAccount), _network.Registry)
            .RegisterModelAsync(mlp.Sha256.ToArray(), "file:///nonexistent/og/mlp-classifier.onnx", OracleNetwork.Opg, 6, 5);
        var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 8], [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f])).Encode();

        var (jobId, _) = await _network.RequestAsync(input, mlp.Sha256.ToArray());
        var status = await _network.WaitForStatusAsync(jobId, SettleTimeout, JobStatus.Refunded, JobStatus.Finalized, JobStatus.Expired);
        var job = await _network.HubReader.GetJobAsync(jobId);

        Assert.That(status, Is.EqualTo(JobStatus.Refunded));
        Assert.That(job.FailureReason, Is.EqualTo(FailureReason.ModelUnavailable));
        foreach (var oracle in _network.Oracles)
        {
            Assert.That(await oracle.IsReadyAsync(), Is.True, oracle.Settings.Name + " is still serving");
        }
    }
}
