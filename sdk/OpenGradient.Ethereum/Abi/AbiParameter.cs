namespace OpenGradient.Ethereum.Abi;

/// <summary>A named (or unnamed) parameter, tuple component or event field and its type.</summary>
public sealed class AbiParameter
{
    /// <summary>Creates a parameter.</summary>
    public AbiParameter(AbiType type, string? name = null, bool indexed = false)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type;
        Name = string.IsNullOrEmpty(name) ? null : name;
        Indexed = indexed;
    }

    /// <summary>The parameter's type.</summary>
    public AbiType Type { get; }

    /// <summary>The name, or null when the ABI leaves it out.</summary>
    public string? Name { get; }

    /// <summary>For event fields: whether the value is a topic rather than part of the data.</summary>
    public bool Indexed { get; }

    /// <summary>Parses one parameter such as <c>uint256 amount</c>, <c>address indexed from</c> or <c>(uint8 a, bytes b)[] items</c>.</summary>
    /// <exception cref="AbiFormatException">The text is not a parameter declaration.</exception>
    public static AbiParameter Parse(string text) => AbiTypeParser.ParseParameter(text);

    /// <summary>The type and name as in a human-readable signature, e.g. <c>address indexed from</c>.</summary>
    public override string ToString() =>
        Type.CanonicalName + (Indexed ? " indexed" : string.Empty) + (Name is null ? string.Empty : " " + Name);
}
