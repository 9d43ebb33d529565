using OpenGradient.Contracts.Generator;
using OpenGradient.Testing;

namespace OpenGradient.Contracts.Tests;

[TestFixture]
public sealed class BindingStalenessTests
{
    [Test]
    public async Task Generate_CurrentArtifacts_MatchTheCommittedBindings()
    {
        await HardhatBuild.EnsureBuiltAsync();
        string project = Path.Combine(RepoPaths.Root, "sdk", "OpenGradient.Contracts");
        var contracts = ContractSource.ParseList(await File.ReadAllTextAsync(Path.Combine(project, "bindings.txt")));
        var files = new BindingGenerator(contracts, RepoPaths.Artifacts, Path.Combine(RepoPaths.Root, "contracts")).Generate();
        string temp = Path.Combine(Path.GetTempPath(), "og-bindings-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach ((string name, string text) in files)
            {
                Directory.CreateDirectory(temp);
                await File.WriteAllTextAsync(Path.Combine(temp, name), text);
            }

            var stale = new List<string>();
            foreach ((string name, string text) in files)
            {
                string committed = Path.Combine(project, "Generated", name);
                if (!File.Exists(committed) || await File.ReadAllTextAsync(committed) != text)
                {
                    stale.Add(name);
                }
            }

            foreach (string existing in Directory.GetFiles(Path.Combine(project, "Generated"), "*.g.cs"))
            {
                if (!files.ContainsKey(Path.GetFileName(existing)))
                {
                    stale.Add(Path.GetFileName(existing) + " (no longer generated)");
                }
            }

            Assert.That(stale, Is.Empty, "bindings are stale: run `dotnet build sdk/OpenGradient.Contracts` (fresh output in " + temp + ")");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Test]
    public void Generate_SameInputsTwice_GivesIdenticalText()
    {
        var contracts = ContractSource.ParseList(File.ReadAllText(Path.Combine(RepoPaths.Root, "sdk", "OpenGradient.Contracts", "bindings.txt")));
        var generator = new BindingGenerator(contracts, RepoPaths.Artifacts, Path.Combine(RepoPaths.Root, "contracts"));

        var first = generator.Generate();
        var second = generator.Generate();

        Assert.That(second, Is.EqualTo(first));
    }
}
