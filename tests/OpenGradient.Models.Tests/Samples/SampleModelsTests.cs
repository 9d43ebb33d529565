using OpenGradient.Models.Samples;

namespace OpenGradient.Models.Tests.Samples;

public sealed class SampleModelsTests
{
    [Test]
    public void All_BuiltTwice_GivesIdenticalBytesAndIds()
    {
        var first = SampleModels.All();
        var second = SampleModels.All();

        Assert.That(second, Has.Count.EqualTo(first.Count));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.That(second[i].Bytes.ToArray(), Is.EqualTo(first[i].Bytes.ToArray()), first[i].Name);
            Assert.That(second[i].ModelIdHex, Is.EqualTo(first[i].ModelIdHex), first[i].Name);
        }
    }

    [Test]
    public void All_ModelIds_AreDistinct()
    {
        var ids = SampleModels.All().Select(m => m.ModelIdHex).ToList();

        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void CommittedManifest_MatchesFreshlyBuiltModels()
    {
        var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples.json")).ReplaceLineEndings("\n");
        var fresh = SampleManifest.ToJson(SampleModels.All());

        Assert.That(
            committed,
            Is.EqualTo(fresh),
            $"sdk/OpenGradient.Models/samples.json is stale (the sample model code changed, so the model ids changed). Regenerate it from the repository root with `{SampleManifest.RegenerateCommand}` and commit it.");
    }

    [Test]
    public void SplitMix64_Seed1234567_MatchesPublishedSequence()
    {
        // Reference outputs of splitmix64.c (Vigna) for seed 1234567.
        var rng = new SplitMix64(1234567);

        ulong[] actual = [rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()];

        Assert.That(actual, Is.EqualTo(new ulong[] { 6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821 }));
    }

    [Test]
    public void NextWeight_ManyDraws_StayInHalfOpenUnitIntervalOnTheGrid()
    {
        var rng = new SplitMix64(42);
        for (var i = 0; i < 10_000; i++)
        {
            var w = rng.NextWeight();
            Assert.That(w, Is.GreaterThanOrEqualTo(-1f).And.LessThan(1f));
            Assert.That(w * (1 << 23), Is.EqualTo(MathF.Round(w * (1 << 23))));
        }
    }

    [Test]
    public void MlpClassifierParameters_HaveTheDeclaredLayerSizes()
    {
        var p = SampleModels.MlpClassifierParameters();

        Assert.That(p.W1, Has.Count.EqualTo(SampleModels.MlpInputs * SampleModels.MlpHidden));
        Assert.That(p.B1, Has.Count.EqualTo(SampleModels.MlpHidden));
        Assert.That(p.W2, Has.Count.EqualTo(SampleModels.MlpHidden * SampleModels.MlpClasses));
        Assert.That(p.B2, Has.Count.EqualTo(SampleModels.MlpClasses));
    }

    [Test]
    public void Truncate_HalvesTheFile()
    {
        var bytes = SampleModels.LinearRegressor().ToArray();

        var truncated = CorruptModel.Truncate(bytes);

        Assert.That(truncated, Has.Length.EqualTo(bytes.Length / 2));
        Assert.That(truncated, Is.EqualTo(bytes[..(bytes.Length / 2)]));
    }
}
