using System.Text.Json;

namespace OpenGradient.Ethereum.Abi;

/// <summary>Reads the solc/Hardhat ABI JSON format.</summary>
internal static class AbiJsonReader
{
    public static ContractAbi Read(JsonElement root)
    {
        JsonElement entries = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("abi", out entries))
            {
                throw new AbiFormatException("ABI JSON object has no \"abi\" property; pass a Hardhat artifact or the ABI array itself.");
            }
        }

        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw new AbiFormatException($"ABI JSON must be an array of entries but is {entries.ValueKind}.");
        }

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        int index = 0;
        foreach (JsonElement entry in entries.EnumerateArray())
        {
            try
            {
                string type = entry.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? "function" : "function";
                switch (type)
                {
                    case "function":
                        functions.Add(new AbiFunction(
                            Name(entry),
                            Parameters(entry, "inputs"),
                            Parameters(entry, "outputs"),
                            entry.TryGetProperty("stateMutability", out JsonElement m) ? m.GetString() ?? "nonpayable" : "nonpayable"));
                        break;
                    case "event":
                        events.Add(new AbiEvent(
                            Name(entry),
                            Parameters(entry, "inputs"),
                            entry.TryGetProperty("anonymous", out JsonElement a) && a.ValueKind == JsonValueKind.True));
                        break;
                    case "error":
                        errors.Add(new AbiError(Name(entry), Parameters(entry, "inputs")));
                        break;
                    case "constructor" or "fallback" or "receive":
                        break;
                    default:
                        throw new AbiFormatException($"unknown entry type \"{type}\"");
                }
            }
            catch (Exception e) when (e is AbiFormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new AbiFormatException($"ABI JSON entry #{index} is invalid: {e.Message}", e);
            }

            index++;
        }

        return new ContractAbi(functions, events, errors);
    }

    private static string Name(JsonElement entry) =>
        entry.TryGetProperty("name", out JsonElement n) && n.GetString() is { Length: > 0 } name
            ? name
            : throw new AbiFormatException("the entry has no name");

    private static AbiParameter[] Parameters(JsonElement entry, string property)
    {
        if (!entry.TryGetProperty(property, out JsonElement list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var parameters = new AbiParameter[list.GetArrayLength()];
        int i = 0;
        foreach (JsonElement p in list.EnumerateArray())
        {
            parameters[i++] = Parameter(p);
        }

        return parameters;
    }

    private static AbiParameter Parameter(JsonElement p)
    {
        string type = p.GetProperty("type").GetString() ?? throw new AbiFormatException("a parameter has no type");
        string? name = p.TryGetProperty("name", out JsonElement n) ? n.GetString() : null;
        bool indexed = p.TryGetProperty("indexed", out JsonElement ix) && ix.ValueKind == JsonValueKind.True;
        AbiType abiType;
        if (type.StartsWith("tuple", StringComparison.Ordinal))
        {
            AbiType tuple = AbiType.Tuple(Parameters(p, "components"));
            abiType = ApplyArraySuffix(tuple, type["tuple".Length..]);
        }
        else
        {
            abiType = AbiType.Parse(type);
        }

        return new AbiParameter(abiType, name, indexed);
    }

    private static AbiType ApplyArraySuffix(AbiType element, string suffix)
    {
        if (suffix.Length == 0)
        {
            return element;
        }

        // Reuse the type parser on a placeholder element to read dimensions like [2][].
        AbiType parsed = AbiType.Parse("bool" + suffix);
        var dimensions = new Stack<int>();
        for (AbiType t = parsed; t.Element is not null; t = t.Element)
        {
            dimensions.Push(t.Kind == AbiTypeKind.FixedArray ? t.ArrayLength : 0);
        }

        AbiType result = element;
        while (dimensions.Count > 0)
        {
            int length = dimensions.Pop();
            result = length == 0 ? AbiType.ArrayOf(result) : AbiType.FixedArrayOf(result, length);
        }

        return result;
    }
}
