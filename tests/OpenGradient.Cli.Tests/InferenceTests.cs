using System.Text.Json;
using NUnit.Framework;
using OpenGradient.Testing;

namespace OpenGradient.Cli.Tests;

[TestFixture]
public sealed class InferenceTests
{
    private static string[] Infer(string model, string input, params string[] extra) =>
        ["infer", "--json", .. DevnetFixture.Chain, "--key", DevnetFixture.RequesterKey, "--model", model, "--input", input, .. extra];

    [TestCase("linear-regressor", "{\"features\": [[1, 2, 3, 4]]}")]
    [TestCase("mlp-classifier", "{\"features\": [[1, -1, 0.5, 2, 0, 3, -2, 1]]}")]
    [TestCase("sum-dot-argmax", "{\"a\": [[1, 2, 3, 4]], \"b\": [[4, 3, 2, 1]]}")]
    public async Task Infer_SampleModel_ReturnsAVerifiedResult(string model, string input)
    {
        // A job drawn for the lying node is not verified (exit 2); an honest node's is. Ask until an honest one runs it.
        for (int attempt = 0; attempt < 12; attempt++)
        {
            ProcessResult result = await Og.RunAsync(Infer(model, input));
            Assert.That(result.ExitCode, Is.EqualTo(0).Or.EqualTo(2), result.CombinedOutput);
            JsonElement json = Og.Json(result);
            if (json.GetProperty("executor").GetString() == LyingNode())
            {
                Assert.That(json.GetProperty("verification").GetProperty("passed").GetBoolean(), Is.False);
                continue;
            }

            Assert.That(result.ExitCode, Is.Zero, result.CombinedOutput);
            Assert.That(json.GetProperty("outcome").GetString(), Is.EqualTo("Result"));
            Assert.That(json.GetProperty("verification").GetProperty("passed").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("output").GetArrayLength(), Is.GreaterThan(0));
            return;
        }

        Assert.Fail("every attempt was drawn for the lying node");
    }

    [Test]
    public async Task JobVerify_LyingNodesResult_ShowsTheMismatchAndTheSlashingAfterTheDispute()
    {
        string? jobId = null;
        for (int attempt = 0; attempt < 16 && jobId is null; attempt++)
        {
            ProcessResult infer = await Og.RunAsync(Infer("linear-regressor", "{\"features\": [[2, 1, 0, -1]]}"));
            JsonElement json = Og.Json(infer);
            if (json.GetProperty("executor").GetString() == LyingNode())
            {
                jobId = json.GetProperty("jobId").GetString();
            }
        }

        Assert.That(jobId, Is.Not.Null, "no job was drawn for the lying node in 16 requests");
        ProcessResult verify = await Og.RunAsync(["job", "verify", jobId!, "--wait-dispute", "--timeout", "240", "--json", .. DevnetFixture.Chain], timeout: TimeSpan.FromMinutes(5));
        JsonElement report = Og.Json(verify);
        JsonElement settlement = report.GetProperty("settlement");

        Assert.That(verify.ExitCode, Is.EqualTo(2), verify.CombinedOutput);
        Assert.That(report.GetProperty("verification").GetProperty("passed").GetBoolean(), Is.False);
        Assert.That(report.GetProperty("verification").GetProperty("differences")[0].GetProperty("withinTolerance").GetBoolean(), Is.False);
        Assert.That(settlement.GetProperty("disputed").GetBoolean(), Is.True);
        Assert.That(settlement.GetProperty("disputeOutcome").GetString(), Is.EqualTo("Overturned"));
        Assert.That(settlement.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
        Assert.That(settlement.GetProperty("executorSlashed").GetBoolean(), Is.True);
    }

    [Test]
    public async Task JobShow_DemoJob_PrintsItsStatusAndOutput()
    {
        string id = DevnetFixture.Summary.GetProperty("demo").GetProperty("jobId").GetString()!;

        ProcessResult result = await Og.RunAsync(["job", "show", id, "--json", .. DevnetFixture.Chain]);

        Assert.That(result.ExitCode, Is.Zero, result.CombinedOutput);
        Assert.That(Og.Json(result).GetProperty("status").GetString(), Is.EqualTo("Finalized"));
    }

    private static string LyingNode() => DevnetFixture.Summary.GetProperty("nodes")[DevnetFixture.Liar - 1].GetProperty("address").GetString()!;
}
