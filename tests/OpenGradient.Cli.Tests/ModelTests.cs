using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;
using OpenGradient.Models.Onnx;
using OpenGradient.Models.Samples;
using OpenGradient.Testing;
using OpenGradient.Testing.Deployment;

namespace OpenGradient.Cli.Tests;

[TestFixture]
public sealed class ModelTests
{
    private string _home = string.Empty;

    [OneTimeSetUp]
    public void CreateHome()
    {
        _home = Path.Combine(Path.GetTempPath(), "og-model-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_home);
    }

    [OneTimeTearDown]
    public void DeleteHome()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Test]
    public async Task ModelList_AfterRegisteringANonSampleModel_ListsItWithItsTermsAfterTheSamples()
    {
        string file = Path.Combine(_home, "doubler.onnx");
        await File.WriteAllBytesAsync(file, Doubler());
        // og keeps registered files in ~/.opengradient/models: a throwaway HOME keeps the developer's store clean.
        var environment = new Dictionary<string, string?> { ["HOME"] = _home };
        ProcessResult register = await Og.RunAsync(
            ["model", "register", file, "--fee", "0.25", "--decimals", "4", "--tolerance", "3", "--json", "--key", DevnetFixture.RequesterKey, .. DevnetFixture.Chain],
            environment);
        Assert.That(register.ExitCode, Is.Zero, register.CombinedOutput);
        JsonElement registered = Og.Json(register);
        string id = registered.GetProperty("id").GetString()!;

        ProcessResult list = await Og.RunAsync(["model", "list", "--json", .. DevnetFixture.Chain]);

        Assert.That(list.ExitCode, Is.Zero, list.CombinedOutput);
        JsonElement json = Og.Json(list);
        List<JsonElement> models = [.. json.GetProperty("models").EnumerateArray()];
        List<string> ids = [.. models.Select(m => m.GetProperty("id").GetString()!)];
        Assert.That(json.GetProperty("ok").GetBoolean(), Is.True);
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Does.Contain(id), "the registered model is listed");
        JsonElement mine = models[ids.IndexOf(id)];
        Assert.That(mine.GetProperty("name").ValueKind, Is.EqualTo(JsonValueKind.Null), "not a sample");
        Assert.That(mine.GetProperty("registered").GetBoolean(), Is.True);
        Assert.That(mine.GetProperty("active").GetBoolean(), Is.True);
        Assert.That(mine.GetProperty("fee").GetString(), Is.EqualTo("250000000000000000"));
        Assert.That(mine.GetProperty("owner").GetString(), Is.EqualTo(registered.GetProperty("owner").GetString()));
        Assert.That(mine.GetProperty("outputDecimals").GetInt32(), Is.EqualTo(4));
        Assert.That(mine.GetProperty("tolerance").GetUInt64(), Is.EqualTo(3));
        Assert.That(mine.GetProperty("uri").GetString(), Is.EqualTo(registered.GetProperty("uri").GetString()));

        // The samples the devnet registered keep the fields scripts parsed before: name, id, registered, active, fee, description.
        foreach (SampleModel sample in SampleModels.All())
        {
            int at = ids.IndexOf(sample.ModelIdHex);
            Assert.That(at, Is.GreaterThanOrEqualTo(0).And.LessThan(ids.IndexOf(id)), $"{sample.Name} is listed, before the model registered later");
            JsonElement listed = models[at];
            Assert.That(listed.GetProperty("name").GetString(), Is.EqualTo(sample.Name));
            Assert.That(listed.GetProperty("registered").GetBoolean(), Is.True);
            Assert.That(listed.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(listed.GetProperty("fee").GetString(), Does.Match("^[0-9]+$"));
            Assert.That(listed.GetProperty("description").GetString(), Is.EqualTo(sample.Description));
        }
    }

    [Test]
    public async Task ModelList_OnADeploymentWithoutModels_ListsTheSamplesAsNotRegistered()
    {
        await using HardhatNode node = await HardhatNode.StartAsync();
        using IgnitionDeployment deployment = await IgnitionDeployment.DeployAsync(node);
        string[] chain = ["--rpc", node.RpcUrl.AbsoluteUri, "--deployment", deployment.DeploymentJsonPath];

        ProcessResult json = await Og.RunAsync(["model", "list", "--json", .. chain]);
        ProcessResult human = await Og.RunAsync(["model", "list", .. chain]);

        Assert.That(json.ExitCode, Is.Zero, json.CombinedOutput);
        List<JsonElement> models = [.. Og.Json(json).GetProperty("models").EnumerateArray()];
        Assert.That(models.Select(m => m.GetProperty("name").GetString()), Is.EqualTo(SampleModels.All().Select(s => s.Name)));
        Assert.That(models.Select(m => m.GetProperty("id").GetString()), Is.EqualTo(SampleModels.All().Select(s => s.ModelIdHex)));
        Assert.That(models.Select(m => m.GetProperty("registered").GetBoolean()), Has.All.False);
        Assert.That(models.Select(m => m.GetProperty("active").ValueKind), Has.All.EqualTo(JsonValueKind.Null));
        Assert.That(models.Select(m => m.GetProperty("fee").ValueKind), Has.All.EqualTo(JsonValueKind.Null));
        Assert.That(human.ExitCode, Is.Zero, human.CombinedOutput);
        string text = Regex.Replace(human.StandardOutput, @"\s+", " "); // Spectre wraps long lines at 80 columns when piped
        Assert.That(text, Does.Contain("models (0 registered)").And.Contain("not registered").And.Contain("register one with `og model register <file.onnx>`"));
    }

    /// <summary>A model that is not a sample: y = 2·x for x float32[1,2].</summary>
    private static byte[] Doubler() =>
        new OnnxModelBuilder("doubler")
            .Input("x", OnnxElementType.Float, 1, 2)
            .Output("y", OnnxElementType.Float, 1, 2)
            .Initializer("two", [1], [2f])
            .Node("Mul", ["x", "two"], ["y"])
            .Build(docString: "og CLI test: a model registered by the test, not a sample");
}
