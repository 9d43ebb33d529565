namespace OpenGradient.Inference.Tensors;

/// <summary>
/// Compares two outputs as a dispute committee does (docs/protocol.md section 3): same names, element
/// types, decimals and shapes in the same order, and every Fixed element within the tolerance; Int
/// and Bool elements must be equal.
/// </summary>
public static class ToleranceComparer
{
    /// <summary>Compares <paramref name="actual"/> against <paramref name="expected"/>.</summary>
    public static ToleranceVerdict Compare(TensorList expected, TensorList actual, UInt128 tolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var mismatch = Structure(expected, actual);
        if (mismatch is not null)
        {
            return new ToleranceVerdict(false, mismatch, [], tolerance);
        }

        var differences = new List<ElementDifference>();
        var agrees = true;
        for (var t = 0; t < expected.Count; t++)
        {
            var e = expected[t];
            var a = actual[t];
            var allowed = e.ElementType == TensorElementType.Fixed ? tolerance : UInt128.Zero;
            var ev = e.Values;
            var av = a.Values;
            for (var i = 0; i < ev.Length; i++)
            {
                if (ev[i] == av[i])
                {
                    continue;
                }

                var diff = ev[i] > av[i] ? (UInt128)(ev[i] - av[i]) : (UInt128)(av[i] - ev[i]);
                var within = diff <= allowed;
                agrees &= within;
                differences.Add(new ElementDifference(e.Name, i, ev[i], av[i], diff, within));
            }
        }

        return new ToleranceVerdict(agrees, null, differences, tolerance);
    }

    private static string? Structure(TensorList expected, TensorList actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"expected {expected.Count} tensors, got {actual.Count}";
        }

        for (var t = 0; t < expected.Count; t++)
        {
            var e = expected[t];
            var a = actual[t];
            if (!string.Equals(e.Name, a.Name, StringComparison.Ordinal))
            {
                return $"tensor {t} is '{a.Name}', expected '{e.Name}'";
            }

            if (e.ElementType != a.ElementType || e.Decimals != a.Decimals)
            {
                return $"tensor '{e.Name}' is {a.ElementType} with {a.Decimals} decimals, expected {e.ElementType} with {e.Decimals}";
            }

            if (!e.Shape.SequenceEqual(a.Shape))
            {
                return $"tensor '{e.Name}' has shape [{string.Join(',', a.Shape.ToArray())}], expected [{string.Join(',', e.Shape.ToArray())}]";
            }
        }

        return null;
    }
}
