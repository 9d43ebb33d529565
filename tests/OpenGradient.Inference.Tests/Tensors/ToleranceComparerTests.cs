using OpenGradient.Inference.Tensors;

namespace OpenGradient.Inference.Tests.Tensors;

public sealed class ToleranceComparerTests
{
    [Test]
    public void Compare_EqualOutputs_AgreeWithNoDifferences()
    {
        var a = TensorList.Of(NamedTensor.Fixed("p", 6, [3], [1, 2, 3]));

        var verdict = ToleranceComparer.Compare(a, a, 0);

        Assert.That(verdict.Agrees, Is.True);
        Assert.That(verdict.Differences, Is.Empty);
    }

    [Test]
    public void Compare_DifferencesWithinTolerance_AgreeAndReportEachElement()
    {
        var expected = TensorList.Of(NamedTensor.Fixed("p", 6, [3], [100, 200, 300]));
        var actual = TensorList.Of(NamedTensor.Fixed("p", 6, [3], [103, 200, 295]));

        var verdict = ToleranceComparer.Compare(expected, actual, 5);

        Assert.That(verdict.Agrees, Is.True);
        Assert.That(verdict.Differences, Is.EqualTo(new[]
        {
            new ElementDifference("p", 0, 100, 103, 3, true),
            new ElementDifference("p", 2, 300, 295, 5, true),
        }));
        Assert.That(verdict.MaxDifference, Is.EqualTo((UInt128)5));
    }

    [Test]
    public void Compare_OneElementBeyondTolerance_DisagreesNamingTheElement()
    {
        var expected = TensorList.Of(NamedTensor.Fixed("p", 6, [2], [0, 0]));
        var actual = TensorList.Of(NamedTensor.Fixed("p", 6, [2], [6, -Int128.MaxValue]));

        var verdict = ToleranceComparer.Compare(expected, actual, 5);

        Assert.That(verdict.Agrees, Is.False);
        Assert.That(verdict.Violations.Select(v => v.Index), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(verdict.MaxDifference, Is.EqualTo((UInt128)Int128.MaxValue));
    }

    [Test]
    public void Compare_ExtremeOppositeValues_DifferenceDoesNotOverflow()
    {
        var expected = TensorList.Of(NamedTensor.Fixed("p", 0, [], [Int128.MaxValue]));
        var actual = TensorList.Of(NamedTensor.Fixed("p", 0, [], [-Int128.MaxValue]));

        var verdict = ToleranceComparer.Compare(expected, actual, UInt128.MaxValue);

        Assert.That(verdict.Differences[0].Difference, Is.EqualTo(((UInt128)Int128.MaxValue) * 2));
        Assert.That(verdict.Agrees, Is.True);
    }

    [Test]
    public void Compare_IntElementsDifferingByOne_DisagreeWhateverTheTolerance()
    {
        var expected = TensorList.Of(NamedTensor.Int("label", [1], [2]));
        var actual = TensorList.Of(NamedTensor.Int("label", [1], [1]));

        var verdict = ToleranceComparer.Compare(expected, actual, 1000);

        Assert.That(verdict.Agrees, Is.False);
        Assert.That(verdict.Differences.Single().WithinTolerance, Is.False);
    }

    [TestCase("q", 6, new[] { 2 }, "tensor 0 is 'q', expected 'p'")]
    [TestCase("p", 5, new[] { 2 }, "with 5 decimals")]
    [TestCase("p", 6, new[] { 1, 2 }, "has shape [1,2], expected [2]")]
    public void Compare_StructuralDifference_DisagreesWithAReason(string name, int decimals, int[] shape, string reason)
    {
        var expected = TensorList.Of(NamedTensor.Fixed("p", 6, [2], [1, 2]));
        var actual = TensorList.Of(NamedTensor.Fixed(name, decimals, shape, [1, 2]));

        var verdict = ToleranceComparer.Compare(expected, actual, 100);

        Assert.That(verdict.Agrees, Is.False);
        Assert.That(verdict.StructuralMismatch, Does.Contain(reason));
    }

    [Test]
    public void Compare_DifferentTensorCount_Disagrees()
    {
        var expected = TensorList.Of(NamedTensor.Fixed("p", 6, [2], [1, 2]));

        var verdict = ToleranceComparer.Compare(expected, TensorList.Empty, 100);

        Assert.That(verdict.StructuralMismatch, Is.EqualTo("expected 1 tensors, got 0"));
    }
}
