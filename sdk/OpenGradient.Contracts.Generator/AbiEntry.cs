using System.Text.Json;

namespace OpenGradient.Contracts.Generator;

/// <summary>One parameter of an ABI entry as the artifact JSON has it (type, internalType, components).</summary>
internal sealed record AbiParam(string Name, string Type, string InternalType, bool Indexed, IReadOnlyList<AbiParam> Components)
{
    public static IReadOnlyList<AbiParam> ReadList(JsonElement entry, string property)
    {
        if (!entry.TryGetProperty(property, out JsonElement list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<AbiParam>();
        foreach (JsonElement p in list.EnumerateArray())
        {
            result.Add(new AbiParam(
                p.TryGetProperty("name", out JsonElement n) ? n.GetString() ?? string.Empty : string.Empty,
                p.GetProperty("type").GetString()!,
                p.TryGetProperty("internalType", out JsonElement it) ? it.GetString() ?? string.Empty : string.Empty,
                p.TryGetProperty("indexed", out JsonElement ix) && ix.ValueKind == JsonValueKind.True,
                ReadList(p, "components")));
        }

        return result;
    }

    /// <summary>The canonical ABI type, tuples spelled out: <c>(uint256,bytes)[]</c>.</summary>
    public string Canonical
    {
        get
        {
            if (!Type.StartsWith("tuple", StringComparison.Ordinal))
            {
                return Type;
            }

            return "(" + string.Join(",", Components.Select(c => c.Canonical)) + ")" + Type["tuple".Length..];
        }
    }
}

/// <summary>A function, event or error of a contract's ABI.</summary>
internal sealed record AbiEntry(string Kind, string Name, IReadOnlyList<AbiParam> Inputs, IReadOnlyList<AbiParam> Outputs, string StateMutability)
{
    public string Signature => Name + "(" + string.Join(",", Inputs.Select(i => i.Canonical)) + ")";

    public bool IsReadOnly => StateMutability is "view" or "pure";

    public static IReadOnlyList<AbiEntry> ReadAll(JsonElement abi)
    {
        var entries = new List<AbiEntry>();
        foreach (JsonElement e in abi.EnumerateArray())
        {
            string kind = e.GetProperty("type").GetString()!;
            if (kind is not ("function" or "event" or "error"))
            {
                continue;
            }

            entries.Add(new AbiEntry(
                kind,
                e.GetProperty("name").GetString()!,
                AbiParam.ReadList(e, "inputs"),
                AbiParam.ReadList(e, "outputs"),
                e.TryGetProperty("stateMutability", out JsonElement m) ? m.GetString() ?? "nonpayable" : "nonpayable"));
        }

        // Sorted so the output never depends on the compiler's ordering.
        entries.Sort((a, b) => string.CompareOrdinal(a.Signature, b.Signature));
        return entries;
    }
}
