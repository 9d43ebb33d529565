using System.Globalization;

namespace OpenGradient.Ethereum.Abi;

/// <summary>Recursive-descent parser for Solidity type strings, parameter lists and human-readable signatures.</summary>
internal sealed class AbiTypeParser
{
    private readonly string _text;
    private int _position;

    public AbiTypeParser(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    public bool AtEnd
    {
        get
        {
            SkipWhitespace();
            return _position >= _text.Length;
        }
    }

    public static AbiType ParseType(string text)
    {
        var parser = new AbiTypeParser(text);
        AbiType type = parser.ReadType();
        parser.ExpectEnd("a type");
        return type;
    }

    public static AbiParameter ParseParameter(string text)
    {
        var parser = new AbiTypeParser(text);
        AbiParameter parameter = parser.ReadParameter(allowIndexed: true);
        parser.ExpectEnd("a parameter");
        return parameter;
    }

    public AbiType ReadType()
    {
        SkipWhitespace();
        AbiType type;
        if (Peek() == '(')
        {
            type = AbiType.Tuple(ReadParameterList(allowIndexed: false));
        }
        else
        {
            int start = _position;
            string word = ReadIdentifier("a type name");
            if (word == "tuple" && Peek() == '(')
            {
                type = AbiType.Tuple(ReadParameterList(allowIndexed: false));
            }
            else
            {
                type = Elementary(word, start);
            }
        }

        while (_position < _text.Length && _text[_position] == '[')
        {
            _position++;
            int start = _position;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            if (_position >= _text.Length || _text[_position] != ']')
            {
                throw Error("']' closing an array dimension (write T[] or T[k])");
            }

            string digits = _text[start.._position];
            _position++;
            if (digits.Length == 0)
            {
                type = AbiType.ArrayOf(type);
            }
            else if (digits.Length > 9 || (digits.Length > 1 && digits[0] == '0'))
            {
                throw new AbiFormatException($"Array length '{digits}' in \"{_text}\" is not a canonical length below 10^9; write it without leading zeros.");
            }
            else
            {
                type = AbiType.FixedArrayOf(type, int.Parse(digits, CultureInfo.InvariantCulture));
            }
        }

        return type;
    }

    public AbiParameter ReadParameter(bool allowIndexed)
    {
        AbiType type = ReadType();
        bool indexed = false;
        string? name = null;
        while (true)
        {
            SkipWhitespace();
            char c = Peek();
            if (!IsIdentifierStart(c))
            {
                break;
            }

            int start = _position;
            string word = ReadIdentifier("a parameter name");
            switch (word)
            {
                case "indexed" when allowIndexed && !indexed && name is null:
                    indexed = true;
                    break;
                case "indexed":
                    _position = start;
                    throw Error("a parameter name ('indexed' is allowed once, only on event fields, before the name)");
                case "memory" or "calldata" or "storage" when name is null:
                    break;
                case "payable" when type.Kind == AbiTypeKind.Address && name is null:
                    break;
                default:
                    if (name is not null)
                    {
                        _position = start;
                        throw Error("',' or ')' after the parameter name");
                    }

                    name = word;
                    break;
            }
        }

        return new AbiParameter(type, name, indexed);
    }

    public AbiParameter[] ReadParameterList(bool allowIndexed)
    {
        Expect('(');
        var parameters = new List<AbiParameter>();
        SkipWhitespace();
        if (Peek() == ')')
        {
            _position++;
            return [];
        }

        while (true)
        {
            parameters.Add(ReadParameter(allowIndexed));
            SkipWhitespace();
            char c = Peek();
            _position++;
            if (c == ')')
            {
                return [.. parameters];
            }

            if (c != ',')
            {
                _position--;
                throw Error("',' or ')' in the parameter list");
            }
        }
    }

    public string ReadIdentifier(string what)
    {
        SkipWhitespace();
        int start = _position;
        if (!IsIdentifierStart(Peek()))
        {
            throw Error(what);
        }

        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    public bool TryReadKeyword(string keyword)
    {
        SkipWhitespace();
        int end = _position + keyword.Length;
        if (end <= _text.Length
            && string.CompareOrdinal(_text, _position, keyword, 0, keyword.Length) == 0
            && (end == _text.Length || !IsIdentifierPart(_text[end])))
        {
            _position = end;
            return true;
        }

        return false;
    }

    public char Peek()
    {
        SkipWhitespace();
        return _position < _text.Length ? _text[_position] : '\0';
    }

    public void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"'{c}'");
        }

        _position++;
    }

    public void ExpectEnd(string what)
    {
        if (!AtEnd)
        {
            throw new AbiFormatException(
                $"Unexpected '{_text[_position..]}' at position {_position} after {what} in \"{_text}\"; remove it or fix the syntax.");
        }
    }

    public AbiFormatException Error(string expected)
    {
        string found = _position < _text.Length ? $"'{_text[_position]}'" : "the end";
        return new AbiFormatException($"Expected {expected} at position {_position} of \"{_text}\" but found {found}.");
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == '$';

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private AbiType Elementary(string word, int start)
    {
        switch (word)
        {
            case "address":
                return AbiType.Address;
            case "bool":
                return AbiType.Bool;
            case "string":
                return AbiType.String;
            case "bytes":
                return AbiType.Bytes;
            case "byte":
                return AbiType.FixedBytes(1);
            case "uint":
                return AbiType.UInt256;
            case "int":
                return AbiType.Int256;
        }

        if (TrySuffix(word, "uint", out int bits))
        {
            return AbiType.UInt(bits);
        }

        if (TrySuffix(word, "int", out bits))
        {
            return AbiType.Int(bits);
        }

        if (TrySuffix(word, "bytes", out int length))
        {
            return AbiType.FixedBytes(length);
        }

        throw new AbiFormatException(
            $"Unknown type '{word}' at position {start} of \"{_text}\"; ABI types are uintN, intN, address, bool, bytesN, bytes, string, arrays and tuples (fixed-point and function types are not supported).");
    }

    private static bool TrySuffix(string word, string prefix, out int value)
    {
        value = 0;
        if (!word.StartsWith(prefix, StringComparison.Ordinal) || word.Length == prefix.Length || word.Length > prefix.Length + 3)
        {
            return false;
        }

        ReadOnlySpan<char> digits = word.AsSpan(prefix.Length);
        if (digits[0] == '0')
        {
            return false;
        }

        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
