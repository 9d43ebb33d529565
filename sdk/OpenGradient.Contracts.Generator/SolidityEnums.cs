using System.Text.RegularExpressions;

namespace OpenGradient.Contracts.Generator;

/// <summary>
/// Enum members read from the Solidity sources: artifacts carry an enum only as <c>uint8</c> with an
/// internalType such as <c>enum IInferenceHub.JobStatus</c>, never its member names.
/// </summary>
internal static partial class SolidityEnums
{
    /// <summary>Every <c>enum Name { A, B }</c> under <paramref name="sourcesRoot"/>, by name; members in order.</summary>
    public static SortedDictionary<string, IReadOnlyList<string>> Read(string sourcesRoot)
    {
        var enums = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var files = Directory.GetFiles(sourcesRoot, "*.sol", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            string text = StripComments(File.ReadAllText(file));
            foreach (Match m in EnumPattern().Matches(text))
            {
                string name = m.Groups[1].Value;
                string[] members = m.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (enums.TryGetValue(name, out IReadOnlyList<string>? existing) && !existing.SequenceEqual(members))
                {
                    throw new InvalidOperationException(
                        $"enum {name} is declared twice with different members (again in {file}); give one of them another name so the binding is unambiguous.");
                }

                enums[name] = members;
            }
        }

        return enums;
    }

    private static string StripComments(string text) => LineComment().Replace(BlockComment().Replace(text, " "), string.Empty);

    [GeneratedRegex(@"\benum\s+(\w+)\s*\{([^}]*)\}")]
    private static partial Regex EnumPattern();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();
}
