using OpenGradient.Ethereum.Abi;

namespace OpenGradient.Contracts.Generator;

/// <summary>The event and error records and the revert-data decoder over every bound error.</summary>
internal sealed partial class BindingGenerator
{
    private static void WriteEvent(CodeWriter w, string clrName, string service, AbiEntry e, TypeMapper mapper)
    {
        var fields = e.Inputs.Select((p, i) => (Name: FieldName(p.Name, i, clrName), Type: mapper.Map(p, p.Indexed))).ToList();
        var abiEvent = new AbiEvent(e.Name, e.Inputs.Select(p => new AbiParameter(AbiType.Parse(p.Canonical), p.Name, p.Indexed)).ToArray());
        w.Line();
        w.Summary($"The event {abiEvent} (indexed dynamic fields are their 32-byte Keccak-256 hash).");
        w.Open($"public sealed record {clrName}(" + string.Join(", ", fields.Select(f => $"{f.Type.Clr} {f.Name}")) + ")");
        w.Summary("The canonical signature.");
        w.Line($"public const string EventSignature = {Naming.Literal(e.Signature)};");
        w.Line();
        w.Summary("Topic 0 of its logs: the Keccak-256 of the signature.");
        w.Line($"public const string Topic0 = \"{abiEvent.Topic0Hex}\";");
        w.Line();
        w.Line($"private static readonly AbiEvent Definition = {service}.Abi.GetEvent(EventSignature);");
        w.Line();
        w.Summary("The log it was decoded from (block, transaction); null when built by hand.");
        w.Line("public Log? Log { get; init; }");
        w.Line();
        w.Summary("Decodes a log of this event; false when topic 0 is another event's.");
        w.Line("/// <exception cref=\"AbiDecodingException\">Topic 0 matches but the layout does not (an ABI mismatch).</exception>");
        w.Open($"public static bool TryDecode(Log log, [NotNullWhen(true)] out {clrName}? decoded)");
        w.Line("ArgumentNullException.ThrowIfNull(log);");
        w.Line("decoded = null;");
        w.Open("if (log.Topics.Count == 0 || !string.Equals(log.Topics[0], Topic0, StringComparison.OrdinalIgnoreCase))");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("AbiValues v = BindingCalls.DecodeLog(Definition, log);");
        w.Line($"decoded = new {clrName}(" + string.Join(", ", fields.Select((f, i) => f.Type.FromAbi($"v[{i}]"))) + ") { Log = log };");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Summary("Every log of this event among logs (e.g. a receipt's), optionally only those emitted by one address.");
        w.Open($"public static IReadOnlyList<{clrName}> DecodeAll(IEnumerable<Log> logs, Address? emitter = null)");
        w.Line("ArgumentNullException.ThrowIfNull(logs);");
        w.Line($"var result = new List<{clrName}>();");
        w.Open("foreach (Log log in logs)");
        w.Open("if ((emitter is null || log.Address == emitter.Value) && TryDecode(log, out var decoded))");
        w.Line("result.Add(decoded);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return result;");
        w.Close();
        w.Close();
    }

    private static void WriteError(CodeWriter w, string clrName, string service, AbiEntry e, TypeMapper mapper)
    {
        var fields = e.Inputs.Select((p, i) => (Name: FieldName(p.Name, i, clrName), Type: mapper.Map(p))).ToList();
        var abiError = new AbiError(e.Name, ParseParams(e.Inputs));
        w.Line();
        w.Summary($"The custom error {abiError}.");
        w.Open($"public sealed record {clrName}(" + string.Join(", ", fields.Select(f => $"{f.Type.Clr} {f.Name}")) + ") : ContractError");
        w.Summary("The canonical signature.");
        w.Line($"public const string ErrorSignature = {Naming.Literal(e.Signature)};");
        w.Line();
        w.Summary("The 4-byte selector that starts its revert data.");
        w.Line($"public const string SelectorHex = \"{abiError.SelectorHex}\";");
        w.Line();
        w.Line($"private static readonly AbiError Definition = {service}.Abi.GetError(ErrorSignature);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override string Signature => ErrorSignature;");
        w.Line();
        w.Summary("Decodes revert data of this error; false when the selector is another's or the body is malformed.");
        w.Open($"public static bool TryDecode(ReadOnlySpan<byte> revertData, [NotNullWhen(true)] out {clrName}? error)");
        w.Line("error = null;");
        w.Open("if (!BindingCalls.TryDecodeError(Definition, revertData, out AbiValues? v))");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line($"error = new {clrName}(" + string.Join(", ", fields.Select((f, i) => f.Type.FromAbi($"v[{i}]"))) + ");");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Summary("The revert data of this error with its values.");
        w.Line("public byte[] Encode() => Definition.Encode([" + string.Join(", ", fields.Select(f => f.Type.ToAbi(f.Name))) + "]);");
        w.Close();
    }

    private static string WriteErrorRegistry(List<(string ClrName, string Selector)> errors)
    {
        var w = new CodeWriter();
        Header(w, "the custom errors of every bound contract");
        w.Line();
        w.Open("public static partial class ContractErrors");
        w.Summary("Decodes revert data into the typed error of any bound contract (e.g. an OPGToken error bubbling up through InferenceHub); null when no bound error matches.");
        w.Open("public static ContractError? Decode(ReadOnlySpan<byte> revertData)");
        w.Open("if (revertData.Length < 4)");
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Open("switch (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(revertData))");
        foreach ((string clrName, string selector) in errors.OrderBy(e => e.Selector, StringComparer.Ordinal))
        {
            w.Line($"case 0x{selector[2..]}u: return {clrName}.TryDecode(revertData, out var {char.ToLowerInvariant(clrName[0]) + clrName[1..]}) ? {char.ToLowerInvariant(clrName[0]) + clrName[1..]} : null;");
        }

        w.Line("default: return null;");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
