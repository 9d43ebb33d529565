using System.Numerics;
using OpenGradient.Contracts;
using OpenGradient.Ethereum.Contracts;
using OpenGradient.Ethereum.JsonRpc;
using OpenGradient.Inference.Tensors;
using OpenGradient.Sdk.Tests.Support;

namespace OpenGradient.Sdk.Tests;

/// <summary>The happy paths against a real Hardhat node: request, a node posts, the client waits, decodes and verifies.</summary>
[TestFixture]
public sealed class InferenceFlowTests
{
    private static TensorList LinearInput() =>
        TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 4], [0.5f, -1.25f, 2f, 0.125f]));

    [Test]
    public async Task RegisterModel_SampleModels_AreReadableWithTheirTerms()
    {
        using InferenceClient client = await Devnet.ConnectAsync(null);
        foreach (var (sample, id, _) in Devnet.Models.Values)
        {
            ModelInfo info = await client.GetModelAsync(id);
            Assert.That(info.Id.ToString(), Is.EqualTo(sample.ModelIdHex));
            Assert.That(info.Owner, Is.EqualTo(Devnet.Owner.Address));
            Assert.That(info.OutputDecimals, Is.EqualTo(sample.Decimals));
            Assert.That(info.Tolerance, Is.EqualTo((ulong)sample.Tolerance));
            Assert.That(info.Uri, Does.StartWith("file://"));
        }
    }

    [Test]
    public async Task RequestInference_ApproveThenRequest_ResultIsDecodedAndVerifiesLocally()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));
        using var node = new TestOracleNode(client.Deployment.Hub);
        var model = Devnet.Models["linear-regressor"];

        SubmittedJob job = await client.RequestInferenceAsync(model.Id, LinearInput());
        TensorList posted = await node.SubmitAsync(job.JobId);
        JobOutcome outcome = await client.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(2));
        VerificationVerdict verdict = await client.VerifyLocallyAsync(job.JobId);

        Assert.That(outcome.Kind, Is.EqualTo(JobOutcomeKind.Result));
        Assert.That(outcome.Status, Is.EqualTo(JobStatus.Submitted));
        Assert.That(outcome.Output, Is.EqualTo(posted));
        var p = OpenGradient.Models.Samples.SampleModels.LinearRegressorParameters();
        double expected = (0.5 * p.Weights[0]) - (1.25 * p.Weights[1]) + (2.0 * p.Weights[2]) + (0.125 * p.Weights[3]) + p.Bias;
        Assert.That(outcome.Output![0].ToDoubles()[0], Is.EqualTo(expected).Within(1e-4));
        Assert.That(verdict.Passed, Is.True, verdict.ToString());
        Assert.That(verdict.CommitmentMatches, Is.True);
        Assert.That(verdict.Comparison.Violations, Is.Empty);
    }

    [Test]
    public async Task RequestInference_WithPermit_NeedsNoApproveAndVerifies()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(3));
        using var node = new TestOracleNode(client.Deployment.Hub);
        var model = Devnet.Models["mlp-classifier"];
        var input = TensorList.Of(NamedTensor.FromFloats("features", 6, [1, 8], [0.1f, 0.2f, -0.3f, 0.4f, 0.5f, -0.6f, 0.7f, 0.8f]));
        BigInteger allowanceBefore = await client.Token.AllowanceAsync(Devnet.Key(3).Address, client.Deployment.Hub);

        SubmittedJob job = await client.RequestInferenceAsync(model.Id, input, new RequestSettings { UsePermit = true });
        await node.SubmitAsync(job.JobId);
        JobOutcome outcome = await client.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(2));
        VerificationVerdict verdict = await client.VerifyLocallyAsync(job.JobId);

        Assert.That(allowanceBefore, Is.EqualTo(BigInteger.Zero));
        Assert.That(job.Requester, Is.EqualTo(Devnet.Key(3).Address));
        double[] probabilities = outcome.Output![0].ToDoubles();
        Assert.That(probabilities.Sum(), Is.EqualTo(1.0).Within(1e-5), "softmax outputs sum to 1");
        Assert.That(verdict.Passed, Is.True, verdict.ToString());
    }

    [Test]
    public async Task RelayAsync_SignedRequestFromWalletWithoutGas_IsPaidByTheWalletAndVerifies()
    {
        var wallet = OpenGradient.Ethereum.Signing.EthKey.Generate();
        using InferenceClient relayer = await Devnet.ConnectAsync(Devnet.Key(4));
        using var node = new TestOracleNode(relayer.Deployment.Hub);
        var model = Devnet.Models["linear-regressor"];
        await relayer.Token.TransferAsync(wallet.Address, 10 * Devnet.Opg);

        SignedInferenceRequest signed = await relayer.CreateSignedRequestAsync(wallet, model.Id, LinearInput());
        SubmittedJob job = await relayer.RelayAsync(signed);
        await node.SubmitAsync(job.JobId);
        JobOutcome outcome = await relayer.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(2));
        VerificationVerdict verdict = await relayer.VerifyLocallyAsync(job.JobId);
        BigInteger walletGas = await relayer.Hub.Contract.Web3.Rpc.GetBalanceAsync(wallet.Address);
        BigInteger walletOpg = await relayer.Token.BalanceOfAsync(wallet.Address);

        Assert.That(job.Requester, Is.EqualTo(wallet.Address));
        Assert.That(walletGas, Is.EqualTo(BigInteger.Zero), "the wallet never sent a transaction");
        Assert.That(walletOpg, Is.EqualTo((10 * Devnet.Opg) - job.Fee));
        Assert.That(outcome.Kind, Is.EqualTo(JobOutcomeKind.Result));
        Assert.That(verdict.Passed, Is.True, verdict.ToString());
    }

    [Test]
    public async Task VerifyLocally_TamperedResult_FailsAndNamesTheDifferingElement()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));
        using var node = new TestOracleNode(client.Deployment.Hub);
        var model = Devnet.Models["sum-dot-argmax"];
        var input = TensorList.Of(
            NamedTensor.FromFloats("a", 6, [1, 4], [1f, 2f, 3f, 4f]),
            NamedTensor.FromFloats("b", 6, [1, 4], [0.5f, -1f, 0.25f, 2f]));

        SubmittedJob job = await client.RequestInferenceAsync(model.Id, input);
        await node.SubmitAsync(job.JobId, output => TestOracleNode.Shift(output, tensor: 0, index: 2, delta: 1_000));
        await client.WaitForResultAsync(job.JobId, TimeSpan.FromMinutes(2));
        VerificationVerdict verdict = await client.VerifyLocallyAsync(job.JobId);

        Assert.That(verdict.Passed, Is.False);
        Assert.That(verdict.CommitmentMatches, Is.True, "the node committed to what it posted; the values are what is wrong");
        ElementDifference[] violations = [.. verdict.Comparison.Violations];
        Assert.That(violations, Has.Length.EqualTo(1));
        Assert.That(violations[0].Tensor, Is.EqualTo("sum"));
        Assert.That(violations[0].Index, Is.EqualTo(2));
        Assert.That(violations[0].Expected, Is.EqualTo((Int128)3_250_000));
        Assert.That(violations[0].Actual, Is.EqualTo((Int128)3_251_000));
        Assert.That(violations[0].Difference, Is.EqualTo((UInt128)1_000));
    }

    [Test]
    public async Task ExampleConsumer_CallbackWithCSharpEncodedOutput_DecodesTheScoreInSolidity()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(2));
        using var node = new TestOracleNode(client.Deployment.Hub);
        var consumer = new ExampleConsumerService(client.Hub.Contract.Web3, client.Deployment.ExampleConsumer!.Value);
        BigInteger fee = await client.QuoteFeeAsync(Devnet.Models["linear-regressor"].Id);
        await client.Token.ApproveAsync(consumer.Address, fee);

        TransactionReceipt requested = await consumer.RequestScoreAsync(LinearInput().Encode(), fee);
        BigInteger jobId = InferenceRequestedEvent.DecodeAll(requested.Logs, client.Deployment.Hub).Single().JobId;
        TensorList output = await node.SubmitAsync(jobId);
        await Devnet.Node.IncreaseTimeAsync(TimeSpan.FromSeconds(61));
        TransactionReceipt finalized = await client.Hub.FinalizeAsync(jobId, output.Encode());
        ScoreUpdatedEvent score = ScoreUpdatedEvent.DecodeAll(finalized.Logs, consumer.Address).Single();

        Assert.That(JobFinalizedEvent.DecodeAll(finalized.Logs).Single().CallbackSucceeded, Is.True);
        Assert.That(score.JobId, Is.EqualTo(jobId));
        Assert.That(score.Score, Is.EqualTo((BigInteger)output[0].Values[0]));
        Assert.That(await consumer.LatestScoreAsync(), Is.EqualTo(score.Score));
    }

    [Test]
    public async Task GetJobHistory_Requester_ListsTheirJobsWithStatus()
    {
        using InferenceClient client = await Devnet.ConnectAsync(Devnet.Key(5));
        using InferenceClient funder = await Devnet.ConnectAsync(Devnet.Owner);
        await funder.Token.TransferAsync(Devnet.Key(5).Address, 100 * Devnet.Opg);

        SubmittedJob first = await client.RequestInferenceAsync(Devnet.Models["linear-regressor"].Id, LinearInput());
        SubmittedJob second = await client.RequestInferenceAsync(Devnet.Models["linear-regressor"].Id, LinearInput());
        IReadOnlyList<JobRecord> history = await client.GetJobHistoryAsync();

        Assert.That(history.Select(j => j.JobId), Is.EqualTo(new[] { first.JobId, second.JobId }));
        Assert.That(history.Select(j => j.Status), Is.All.EqualTo(JobStatus.Assigned));
        Assert.That(history[0].Input, Is.EqualTo(LinearInput()));
        Assert.That(history[0].Outcome, Is.Null);
    }
}
