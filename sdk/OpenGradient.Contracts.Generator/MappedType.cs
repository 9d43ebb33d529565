namespace OpenGradient.Contracts.Generator;

/// <summary>
/// How one ABI type appears in the bindings: its C# type and the expressions that turn a C# value into the
/// ABI codec's value model (<see cref="ToAbi"/>) and back (<see cref="FromAbi"/>).
/// </summary>
internal sealed class MappedType
{
    private readonly Func<string, int, string> _toAbi;
    private readonly Func<string, int, string> _fromAbi;

    public MappedType(string clr, Func<string, int, string> toAbi, Func<string, int, string> fromAbi)
    {
        Clr = clr;
        _toAbi = toAbi;
        _fromAbi = fromAbi;
    }

    public string Clr { get; }

    public string ToAbi(string expression, int depth = 0) => _toAbi(expression, depth);

    public string FromAbi(string expression, int depth = 0) => _fromAbi(expression, depth);

    public static MappedType Scalar(string clr, string decodedCast) =>
        new(clr, (e, _) => e, (e, _) => $"{decodedCast}{e}!");

    public static MappedType Integer(string clr) =>
        clr == "BigInteger"
            ? new(clr, (e, _) => e, (e, _) => $"(BigInteger){e}!")
            : new(clr, (e, _) => e, (e, _) => $"({clr})(BigInteger){e}!");

    public static MappedType Enum(string name) =>
        new(name, (e, _) => $"(byte){e}", (e, _) => $"({name})(byte)(BigInteger){e}!");

    public static MappedType Struct(string name) =>
        new(name, (e, _) => $"{e}.ToAbi()", (e, _) => $"{name}.FromAbi({e})");

    public static MappedType ArrayOf(MappedType element) =>
        new(
            $"IReadOnlyList<{element.Clr}>",
            (e, d) => $"BindingValues.ToAbiList({e}, static x{d} => {element.ToAbi("x" + d, d + 1)})",
            (e, d) => $"BindingValues.FromAbiList({e}, static x{d} => {element.FromAbi("x" + d, d + 1)})");
}
