using System.Globalization;

namespace OpenGradient.Contracts.Generator;

/// <summary>Maps artifact ABI parameters to C# types; collects the structs and enums they use.</summary>
internal sealed class TypeMapper
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _enumMembers;

    public TypeMapper(IReadOnlyDictionary<string, IReadOnlyList<string>> enumMembers) => _enumMembers = enumMembers;

    /// <summary>Structs by qualified Solidity name (<c>IInferenceHub.Job</c>) → their components.</summary>
    public SortedDictionary<string, IReadOnlyList<AbiParam>> Structs { get; } = new(StringComparer.Ordinal);

    /// <summary>Enums by qualified Solidity name → their members.</summary>
    public SortedDictionary<string, IReadOnlyList<string>> Enums { get; } = new(StringComparer.Ordinal);

    /// <summary>C# names of structs and enums, assigned by <see cref="AssignNames"/>.</summary>
    public Dictionary<string, string> TypeNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Records the structs and enums a parameter uses (first pass).</summary>
    public void Collect(AbiParam p)
    {
        string internalType = StripArrays(p.InternalType);
        if (p.Type.StartsWith("tuple", StringComparison.Ordinal))
        {
            string name = QualifiedName(internalType, "struct ", p);
            Structs.TryAdd(name, p.Components);
            foreach (AbiParam c in p.Components)
            {
                Collect(c);
            }
        }
        else if (internalType.StartsWith("enum ", StringComparison.Ordinal))
        {
            string name = internalType["enum ".Length..];
            string simple = Simple(name);
            if (!_enumMembers.TryGetValue(simple, out IReadOnlyList<string>? members))
            {
                throw new InvalidOperationException(
                    $"enum {name} is used by the ABI but its declaration was not found in the Solidity sources; pass the contracts folder with --sources.");
            }

            Enums.TryAdd(name, members);
        }
    }

    /// <summary>Gives every struct and enum a C# name: its simple name, or the qualified name without dots when two collide.</summary>
    public void AssignNames()
    {
        var all = Structs.Keys.Concat(Enums.Keys).ToList();
        foreach (string name in all)
        {
            string simple = Simple(name);
            bool collides = all.Count(n => Simple(n) == simple) > 1;
            TypeNames[name] = collides ? name.Replace(".", string.Empty, StringComparison.Ordinal) : simple;
        }
    }

    /// <summary>The mapping of one parameter (second pass). An indexed dynamic event field is its 32-byte hash.</summary>
    public MappedType Map(AbiParam p, bool indexedTopic = false)
    {
        if (indexedTopic && IsHashedTopic(p.Type))
        {
            return MappedType.Scalar("byte[]", "(byte[])");
        }

        return Map(p.Type, p.InternalType, p);
    }

    private MappedType Map(string type, string internalType, AbiParam p)
    {
        if (type.EndsWith(']'))
        {
            int open = type.LastIndexOf('[');
            int internalOpen = internalType.LastIndexOf('[');
            string innerInternal = internalOpen >= 0 ? internalType[..internalOpen] : internalType;
            return MappedType.ArrayOf(Map(type[..open], innerInternal, p));
        }

        if (type == "tuple")
        {
            return MappedType.Struct(TypeNames[QualifiedName(internalType, "struct ", p)]);
        }

        if (internalType.StartsWith("enum ", StringComparison.Ordinal))
        {
            return MappedType.Enum(TypeNames[internalType["enum ".Length..]]);
        }

        if (type.StartsWith("uint", StringComparison.Ordinal))
        {
            int bits = int.Parse(type.AsSpan(4), CultureInfo.InvariantCulture);
            return MappedType.Integer(bits switch { <= 8 => "byte", <= 16 => "ushort", <= 32 => "uint", <= 64 => "ulong", _ => "BigInteger" });
        }

        if (type.StartsWith("int", StringComparison.Ordinal))
        {
            int bits = int.Parse(type.AsSpan(3), CultureInfo.InvariantCulture);
            return MappedType.Integer(bits switch { <= 8 => "sbyte", <= 16 => "short", <= 32 => "int", <= 64 => "long", _ => "BigInteger" });
        }

        return type switch
        {
            "address" => MappedType.Scalar("Address", "(Address)"),
            "bool" => MappedType.Scalar("bool", "(bool)"),
            "string" => MappedType.Scalar("string", "(string)"),
            _ when type.StartsWith("bytes", StringComparison.Ordinal) => MappedType.Scalar("byte[]", "(byte[])"),
            _ => throw new InvalidOperationException($"ABI type '{type}' of parameter '{p.Name}' is not supported by the binding generator."),
        };
    }

    private static bool IsHashedTopic(string type) =>
        type is "string" or "bytes" || type.EndsWith(']') || type.StartsWith("tuple", StringComparison.Ordinal);

    private static string QualifiedName(string internalType, string prefix, AbiParam p)
    {
        string stripped = StripArrays(internalType);
        return stripped.StartsWith(prefix, StringComparison.Ordinal)
            ? stripped[prefix.Length..]
            : throw new InvalidOperationException($"parameter '{p.Name}' is a tuple without a struct internalType ('{internalType}'); recompile with a solc that writes internalType.");
    }

    private static string StripArrays(string internalType)
    {
        int bracket = internalType.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? internalType[..bracket] : internalType;
    }

    private static string Simple(string qualified)
    {
        int dot = qualified.LastIndexOf('.');
        return dot >= 0 ? qualified[(dot + 1)..] : qualified;
    }
}
