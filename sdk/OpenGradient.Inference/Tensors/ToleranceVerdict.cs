namespace OpenGradient.Inference.Tensors;

/// <summary>The result of comparing two outputs under a tolerance (docs/protocol.md section 3).</summary>
public sealed class ToleranceVerdict
{
    internal ToleranceVerdict(bool agrees, string? structuralMismatch, IReadOnlyList<ElementDifference> differences, UInt128 tolerance)
    {
        Agrees = agrees;
        StructuralMismatch = structuralMismatch;
        Differences = differences;
        Tolerance = tolerance;
        var max = UInt128.Zero;
        foreach (var d in differences)
        {
            max = UInt128.Max(max, d.Difference);
        }

        MaxDifference = max;
    }

    /// <summary>True when the structure matches and every element is within the tolerance.</summary>
    public bool Agrees { get; }

    /// <summary>Why the outputs cannot be compared element by element (names, types, decimals, shapes), or null.</summary>
    public string? StructuralMismatch { get; }

    /// <summary>Every element that differs at all, within the tolerance or not.</summary>
    public IReadOnlyList<ElementDifference> Differences { get; }

    /// <summary>The tolerance used, in quantized units.</summary>
    public UInt128 Tolerance { get; }

    /// <summary>The largest difference found (0 when the outputs are equal).</summary>
    public UInt128 MaxDifference { get; }

    /// <summary>Elements beyond the tolerance.</summary>
    public IEnumerable<ElementDifference> Violations => Differences.Where(d => !d.WithinTolerance);

    /// <inheritdoc />
    public override string ToString()
    {
        if (StructuralMismatch is not null)
        {
            return "outputs differ in structure: " + StructuralMismatch;
        }

        return Agrees
            ? $"agree within tolerance {Tolerance} ({Differences.Count} elements differ, max {MaxDifference})"
            : $"disagree: {Violations.Count()} elements beyond tolerance {Tolerance}, max difference {MaxDifference}";
    }
}
