using System.Text.Json;
using NUnit.Framework;

namespace OpenGradient.Cli.Tests;

[TestFixture]
public sealed class DevnetTests
{
    [Test]
    public void DevnetJson_DemoJob_IsFinalizedAndVerified()
    {
        JsonElement demo = DevnetFixture.Summary.GetProperty("demo");

        Assert.That(DevnetFixture.Summary.GetProperty("ok").GetBoolean(), Is.True, DevnetFixture.ErrorText());
        Assert.That(demo.GetProperty("status").GetString(), Is.EqualTo("Finalized"));
        Assert.That(demo.GetProperty("verification").GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(demo.GetProperty("output")[0].GetProperty("name").GetString(), Is.EqualTo("score"));
    }

    [Test]
    public void DevnetJson_ListsFourNodesWithHealthUrlsAndThreeModels()
    {
        JsonElement nodes = DevnetFixture.Summary.GetProperty("nodes");

        Assert.That(nodes.GetArrayLength(), Is.EqualTo(4));
        Assert.That(nodes[DevnetFixture.Liar - 1].GetProperty("lying").GetBoolean(), Is.True);
        Assert.That(nodes[0].GetProperty("health").GetString(), Does.StartWith("http://127.0.0.1:"));
        Assert.That(DevnetFixture.Summary.GetProperty("models").GetArrayLength(), Is.EqualTo(3));
    }
}
