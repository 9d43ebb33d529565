namespace OpenGradient.Contracts.Generator;

/// <summary>Solidity names to C# names.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary><c>jobId</c> → <c>JobId</c>, <c>token_</c> → <c>Token</c>, <c>DOMAIN_SEPARATOR</c> stays.</summary>
    public static string Pascal(string name)
    {
        string trimmed = name.Trim('_');
        if (trimmed.Length == 0)
        {
            return "Value";
        }

        return char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
    }

    /// <summary><c>JobId</c>/<c>jobId_</c> → <c>jobId</c>, escaped when it is a C# keyword.</summary>
    public static string Camel(string name, int position)
    {
        string trimmed = name.Trim('_');
        if (trimmed.Length == 0)
        {
            return "arg" + position;
        }

        string camel = trimmed.All(c => !char.IsLetter(c) || char.IsUpper(c))
            ? trimmed.ToLowerInvariant()
            : char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>The C# string literal of <paramref name="text"/>.</summary>
    public static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Text safe inside an XML doc comment.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
