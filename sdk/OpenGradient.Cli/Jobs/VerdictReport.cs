using System.Numerics;
using System.Text.Json.Nodes;
using OpenGradient.Cli.Inference;
using OpenGradient.Inference.Tensors;
using OpenGradient.Sdk;

namespace OpenGradient.Cli.Jobs;

/// <summary>JSON and table rows for a local verification verdict.</summary>
internal static class VerdictReport
{
    public static JsonObject ToJson(VerificationVerdict verdict)
    {
        var differences = new JsonArray();
        foreach (ElementDifference d in verdict.Differences)
        {
            differences.Add(new JsonObject
            {
                ["tensor"] = d.Tensor,
                ["index"] = d.Index,
                ["expected"] = d.Expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["actual"] = d.Actual.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["withinTolerance"] = d.WithinTolerance,
            });
        }

        return new JsonObject
        {
            ["passed"] = verdict.Passed,
            ["commitmentMatches"] = verdict.CommitmentMatches,
            ["tolerance"] = verdict.Comparison.Tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["maxDifference"] = verdict.Comparison.MaxDifference.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["structuralMismatch"] = verdict.Comparison.StructuralMismatch,
            ["summary"] = verdict.ToString(),
            ["localOutput"] = TensorJson.ToJson(verdict.LocalOutput),
            ["onChainOutput"] = TensorJson.ToJson(verdict.OnChainOutput),
            ["differences"] = differences,
        };
    }

    public static IEnumerable<(string Key, string Value)> Rows(VerificationVerdict verdict)
    {
        yield return ("verification", verdict.Passed ? "PASS (matches a local run within tolerance)" : "FAIL");
        yield return ("local output", TensorJson.ToText(verdict.LocalOutput));
        yield return ("on-chain output", TensorJson.ToText(verdict.OnChainOutput));
        yield return ("commitment", verdict.CommitmentMatches ? "matches the posted output" : "DOES NOT match the posted output");
        foreach (ElementDifference d in verdict.Differences)
        {
            yield return ($"  {d.Tensor}[{d.Index}]", $"expected {d.Expected}, posted {d.Actual} ({(d.WithinTolerance ? "within" : "OUTSIDE")} tolerance {verdict.Comparison.Tolerance})");
        }
    }

    public static string Wei(BigInteger wei) =>
        decimal.Round((decimal)wei / 1_000_000_000_000_000_000m, 6).ToString(System.Globalization.CultureInfo.InvariantCulture) + " OPG";
}
