namespace OpenGradient.Contracts.Generator;

/// <summary>A contract to bind: its source path relative to the repository root and its name.</summary>
/// <param name="SourcePath">e.g. <c>contracts/InferenceHub.sol</c>.</param>
/// <param name="Name">e.g. <c>InferenceHub</c>.</param>
internal sealed record ContractSource(string SourcePath, string Name)
{
    /// <summary>Parses the lines of a bindings list: <c>contracts/InferenceHub.sol:InferenceHub</c>; # starts a comment.</summary>
    public static IReadOnlyList<ContractSource> ParseList(string text)
    {
        var list = new List<ContractSource>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.LastIndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException($"bindings list line '{line}' is not <source path>:<contract name>.");
            }

            list.Add(new ContractSource(line[..colon], line[(colon + 1)..]));
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return list;
    }
}
