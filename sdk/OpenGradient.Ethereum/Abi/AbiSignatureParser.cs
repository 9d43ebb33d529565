namespace OpenGradient.Ethereum.Abi;

/// <summary>
/// Parses human-readable ABI declarations as Solidity writes them:
/// <c>function transfer(address to, uint256 amount) external returns (bool)</c>,
/// <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>,
/// <c>error InsufficientStake(address node, uint256 have, uint256 need)</c>.
/// </summary>
internal static class AbiSignatureParser
{
    private static readonly HashSet<string> FunctionModifiers =
        new(StringComparer.Ordinal) { "external", "public", "internal", "private", "view", "pure", "payable", "nonpayable", "virtual", "override" };

    public static string DetectKind(string text)
    {
        var parser = new AbiTypeParser(text);
        foreach (string kind in (string[])["function", "event", "error", "constructor"])
        {
            if (parser.TryReadKeyword(kind))
            {
                return kind;
            }
        }

        return "function";
    }

    public static AbiFunction ParseFunction(string text)
    {
        var parser = new AbiTypeParser(text);
        parser.TryReadKeyword("function");
        string name = parser.ReadIdentifier("a function name");
        AbiParameter[] inputs = parser.ReadParameterList(allowIndexed: false);
        string mutability = "nonpayable";
        AbiParameter[] outputs = [];
        while (!parser.AtEnd)
        {
            if (parser.TryReadKeyword("returns"))
            {
                outputs = parser.ReadParameterList(allowIndexed: false);
                continue;
            }

            string word = parser.ReadIdentifier("a function modifier or 'returns'");
            if (!FunctionModifiers.Contains(word))
            {
                throw new AbiFormatException(
                    $"Unknown function modifier '{word}' in \"{text}\"; expected visibility, view/pure/payable, or returns (...).");
            }

            if (word is "view" or "pure" or "payable" or "nonpayable")
            {
                mutability = word;
            }
        }

        return new AbiFunction(name, inputs, outputs, mutability);
    }

    public static AbiEvent ParseEvent(string text)
    {
        var parser = new AbiTypeParser(text);
        parser.TryReadKeyword("event");
        string name = parser.ReadIdentifier("an event name");
        AbiParameter[] inputs = parser.ReadParameterList(allowIndexed: true);
        bool anonymous = parser.TryReadKeyword("anonymous");
        parser.ExpectEnd("the event declaration");
        return new AbiEvent(name, inputs, anonymous);
    }

    public static AbiError ParseError(string text)
    {
        var parser = new AbiTypeParser(text);
        parser.TryReadKeyword("error");
        string name = parser.ReadIdentifier("an error name");
        AbiParameter[] inputs = parser.ReadParameterList(allowIndexed: false);
        parser.ExpectEnd("the error declaration");
        return new AbiError(name, inputs);
    }

    public static string Signature(string name, IReadOnlyList<AbiParameter> inputs)
    {
        var builder = new System.Text.StringBuilder(name).Append('(');
        for (int i = 0; i < inputs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(inputs[i].Type.CanonicalName);
        }

        return builder.Append(')').ToString();
    }

    public static string HumanReadable(string keyword, string name, IReadOnlyList<AbiParameter> inputs)
    {
        var builder = new System.Text.StringBuilder(keyword).Append(' ').Append(name).Append('(');
        for (int i = 0; i < inputs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(inputs[i]);
        }

        return builder.Append(')').ToString();
    }
}
