using System.Text.Json;
using OpenGradient.Ethereum.Abi;

namespace OpenGradient.Contracts.Generator;

/// <summary>
/// Turns Hardhat artifacts into C# bindings: per contract a <c>&lt;Name&gt;.g.cs</c> with a typed service class and the
/// structs, enums, events and errors first used by that contract (shared ones are emitted once, by the first contract in
/// name order), plus <c>ContractErrors.g.cs</c>, the revert-data decoder over every bound error. Output is a pure function
/// of the inputs: sorted, no timestamps, "\n" line ends.
/// </summary>
internal sealed class BindingGenerator
{
    private const string Namespace = "OpenGradient.Contracts";

    private readonly IReadOnlyList<ContractSource> _contracts;
    private readonly string _artifactsRoot;
    private readonly string _sourcesRoot;

    public BindingGenerator(IReadOnlyList<ContractSource> contracts, string artifactsRoot, string sourcesRoot)
    {
        _contracts = contracts;
        _artifactsRoot = artifactsRoot;
        _sourcesRoot = sourcesRoot;
    }

    /// <summary>File name → content.</summary>
    public SortedDictionary<string, string> Generate()
    {
        var mapper = new TypeMapper(SolidityEnums.Read(_sourcesRoot));
        var loaded = new List<(ContractSource Source, string AbiJson, IReadOnlyList<AbiEntry> Entries)>();
        foreach (ContractSource c in _contracts)
        {
            string path = Path.Combine(_artifactsRoot, c.SourcePath, c.Name + ".json");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"artifact {path} is missing; run `npx hardhat build` first.", path);
            }

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement abi = doc.RootElement.GetProperty("abi");
            IReadOnlyList<AbiEntry> entries = AbiEntry.ReadAll(abi);
            foreach (AbiEntry e in entries)
            {
                foreach (AbiParam p in e.Inputs.Concat(e.Outputs))
                {
                    mapper.Collect(p);
                }
            }

            loaded.Add((c, JsonSerializer.Serialize(abi), entries));
        }

        mapper.AssignNames();

        // Owners: the first contract (by name) that uses a shared type, event or error emits it.
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var errorNames = new Dictionary<string, string>(StringComparer.Ordinal); // signature → C# name
        var eventNames = new Dictionary<string, string>(StringComparer.Ordinal); // signature+indexing → C# name
        var usedNames = new HashSet<string>(mapper.TypeNames.Values, StringComparer.Ordinal);
        var allErrors = new List<(string ClrName, string Selector)>();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);

        foreach ((ContractSource source, string abiJson, IReadOnlyList<AbiEntry> entries) in loaded)
        {
            var w = new CodeWriter();
            Header(w, $"artifacts/{source.SourcePath}/{source.Name}.json");
            string service = source.Name + "Service";

            // Names of this contract's events and errors (shared across contracts when the signature matches).
            var events = new List<(AbiEntry Entry, string ClrName, bool Owned)>();
            var errors = new List<(AbiEntry Entry, string ClrName, bool Owned)>();
            foreach (AbiEntry e in entries)
            {
                if (e.Kind == "event")
                {
                    string key = e.Signature + "|" + string.Join(",", e.Inputs.Select(i => i.Indexed ? "i" : "d"));
                    bool owned = !eventNames.ContainsKey(key);
                    if (owned)
                    {
                        eventNames[key] = UniqueName(e.Name + "Event", source.Name, usedNames);
                    }

                    events.Add((e, eventNames[key], owned));
                }
                else if (e.Kind == "error")
                {
                    bool owned = !errorNames.ContainsKey(e.Signature);
                    if (owned)
                    {
                        errorNames[e.Signature] = UniqueName(e.Name + "Error", source.Name, usedNames);
                        allErrors.Add((errorNames[e.Signature], new AbiError(e.Name, ParseParams(e.Inputs)).SelectorHex));
                    }

                    errors.Add((e, errorNames[e.Signature], owned));
                }
            }

            WriteService(w, source, service, abiJson, entries, events, mapper);
            foreach (string structName in mapper.Structs.Keys)
            {
                if (UsedBy(entries, structName, "struct ") && emitted.Add("struct:" + structName))
                {
                    WriteStruct(w, mapper.TypeNames[structName], structName, mapper.Structs[structName], mapper);
                }
            }

            foreach (string enumName in mapper.Enums.Keys)
            {
                if (UsedBy(entries, enumName, "enum ") && emitted.Add("enum:" + enumName))
                {
                    WriteEnum(w, mapper.TypeNames[enumName], enumName, mapper.Enums[enumName]);
                }
            }

            foreach ((AbiEntry e, string clrName, bool owned) in events)
            {
                if (owned)
                {
                    WriteEvent(w, clrName, service, e, mapper);
                }
            }

            foreach ((AbiEntry e, string clrName, bool owned) in errors)
            {
                if (owned)
                {
                    WriteError(w, clrName, service, e, mapper);
                }
            }

            files[source.Name + ".g.cs"] = w.ToString();
        }

        files["ContractErrors.g.cs"] = WriteErrorRegistry(allErrors);
        return files;
    }

    private static string UniqueName(string preferred, string contract, HashSet<string> used)
    {
        string name = used.Contains(preferred) ? contract + preferred : preferred;
        used.Add(name);
        return name;
    }

    private static bool UsedBy(IReadOnlyList<AbiEntry> entries, string qualified, string prefix)
    {
        foreach (AbiEntry e in entries)
        {
            foreach (AbiParam p in e.Inputs.Concat(e.Outputs))
            {
                if (Uses(p, prefix + qualified))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Uses(AbiParam p, string internalName)
    {
        string it = p.InternalType;
        int bracket = it.IndexOf('[', StringComparison.Ordinal);
        if ((bracket >= 0 ? it[..bracket] : it) == internalName)
        {
            return true;
        }

        return p.Components.Any(c => Uses(c, internalName));
    }

    private static AbiParameter[] ParseParams(IReadOnlyList<AbiParam> ps) =>
        ps.Select(p => new AbiParameter(AbiType.Parse(p.Canonical), p.Name)).ToArray();

    private static void Header(CodeWriter w, string origin)
    {
        w.Line("// <auto-generated/>");
        w.Line($"// Generated by OpenGradient.Contracts.Generator from {origin}.");
        w.Line("// Do not edit: change the contract and run `dotnet build sdk/OpenGradient.Contracts`.");
        w.Line("#nullable enable");
        w.Line("using System.Diagnostics.CodeAnalysis;");
        w.Line("using System.Numerics;");
        w.Line("using OpenGradient.Ethereum.Abi;");
        w.Line("using OpenGradient.Ethereum.Contracts;");
        w.Line("using OpenGradient.Ethereum.JsonRpc;");
        w.Line("using OpenGradient.Ethereum.Primitives;");
        w.Line();
        w.Line($"namespace {Namespace};");
    }

    private static void WriteService(
        CodeWriter w,
        ContractSource source,
        string service,
        string abiJson,
        IReadOnlyList<AbiEntry> entries,
        List<(AbiEntry Entry, string ClrName, bool Owned)> events,
        TypeMapper mapper)
    {
        w.Line();
        w.Summary($"Typed binding of the {source.Name} contract ({source.SourcePath}): one method per function, calldata encoders for relayers and batching, and event queries. Reverts surface as ContractErrorException with the typed error.");
        w.Open($"public sealed partial class {service}");
        w.Summary("The contract's ABI JSON as compiled.");
        w.Line($"public const string AbiJson = \"\"\"{abiJson}\"\"\";");
        w.Line();
        w.Summary("The parsed ABI.");
        w.Line("public static ContractAbi Abi { get; } = ContractAbi.FromJson(AbiJson);");
        w.Line();
        w.Summary($"Binds the {source.Name} at address through web3 (which signs transactions when it has an account).");
        w.Open($"public {service}(Web3 web3, Address address)");
        w.Line("ArgumentNullException.ThrowIfNull(web3);");
        w.Line("Contract = web3.GetContract(Abi, address);");
        w.Close();
        w.Line();
        w.Summary("The untyped contract underneath.");
        w.Line("public Contract Contract { get; }");
        w.Line();
        w.Summary("The contract's address.");
        w.Line("public Address Address => Contract.Address;");

        var functions = entries.Where(e => e.Kind == "function").ToList();
        foreach (AbiEntry f in functions)
        {
            bool overloaded = functions.Count(o => o.Name == f.Name) > 1;
            string method = Naming.Pascal(f.Name) + (overloaded ? f.Inputs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
            var parameters = f.Inputs.Select((p, i) => (Name: Naming.Camel(p.Name, i), Type: mapper.Map(p))).ToList();
            string paramList = string.Join(", ", parameters.Select(p => $"{p.Type.Clr} {p.Name}"));
            string args = "[" + string.Join(", ", parameters.Select(p => p.Type.ToAbi(p.Name))) + "]";
            string sig = Naming.Literal(f.Signature);
            string prefix = paramList.Length > 0 ? paramList + ", " : string.Empty;
            string doc = $"<c>{Naming.Xml(f.Signature)}</c> ({f.StateMutability})";

            w.Line();
            if (f.IsReadOnly)
            {
                string returnType;
                string conversion;
                if (f.Outputs.Count == 0)
                {
                    returnType = "Task";
                    conversion = string.Empty;
                }
                else if (f.Outputs.Count == 1)
                {
                    MappedType t = mapper.Map(f.Outputs[0]);
                    returnType = $"Task<{t.Clr}>";
                    conversion = $"return {t.FromAbi("output[0]")};";
                }
                else
                {
                    string record = method + "Output";
                    returnType = $"Task<{record}>";
                    conversion = $"return new {record}(" + string.Join(", ", f.Outputs.Select((o, i) => mapper.Map(o).FromAbi($"output[{i}]"))) + ");";
                }

                w.Line($"/// <summary>Calls {doc}.</summary>");
                w.Open($"public async {returnType} {method}Async({prefix}BlockParameter? block = null, CancellationToken cancellationToken = default)");
                w.Line($"AbiValues output = await BindingCalls.CallAsync(Contract, {sig}, {args}, block, cancellationToken).ConfigureAwait(false);");
                if (conversion.Length > 0)
                {
                    w.Line(conversion);
                }
                else
                {
                    w.Line("_ = output;");
                }

                w.Close();
                if (f.Outputs.Count > 1)
                {
                    w.Line();
                    w.Summary($"The outputs of {f.Name}.");
                    w.Line($"public sealed record {method}Output(" + string.Join(", ", f.Outputs.Select((o, i) => $"{mapper.Map(o).Clr} {(o.Name.Length > 0 ? Naming.Pascal(o.Name) : "Item" + (i + 1))}")) + ");");
                }
            }
            else
            {
                w.Line($"/// <summary>Sends a transaction calling {doc} and waits for its receipt.</summary>");
                w.Line($"public Task<TransactionReceipt> {method}Async({prefix}TransactionOptions? transaction = null, CancellationToken cancellationToken = default) =>");
                w.Line($"    BindingCalls.SendAsync(Contract, {sig}, {args}, transaction, cancellationToken);");
            }

            w.Line();
            w.Line($"/// <summary>The calldata of {doc}.</summary>");
            w.Line($"public static byte[] Encode{method}({paramList}) => Abi.GetFunction({sig}).EncodeCall({args});");
        }

        foreach ((AbiEntry e, string clrName, _) in events)
        {
            w.Line();
            w.Summary($"The {e.Name} logs of this contract in a block range; indexedFilters constrains the indexed fields by position (null = any).");
            w.Line($"public Task<IReadOnlyList<{clrName}>> Get{clrName}sAsync(BlockParameter fromBlock, BlockParameter toBlock, IReadOnlyList<IReadOnlyList<string>?>? indexedFilters = null, CancellationToken cancellationToken = default) =>");
            w.Line($"    BindingCalls.GetLogsAsync(Contract, {clrName}.Topic0, fromBlock, toBlock, indexedFilters, {clrName}.DecodeAll, cancellationToken);");
        }

        w.Close();
    }

    private static void WriteStruct(CodeWriter w, string clrName, string qualified, IReadOnlyList<AbiParam> components, TypeMapper mapper)
    {
        var fields = components.Select((c, i) => (Name: FieldName(c.Name, i, clrName), Type: mapper.Map(c))).ToList();
        w.Line();
        w.Summary($"The Solidity struct {qualified}.");
        w.Open($"public sealed record {clrName}(" + string.Join(", ", fields.Select(f => $"{f.Type.Clr} {f.Name}")) + ")");
        w.Line("internal object?[] ToAbi() => [" + string.Join(", ", fields.Select(f => f.Type.ToAbi(f.Name))) + "];");
        w.Line();
        w.Open($"internal static {clrName} FromAbi(object? value)");
        w.Line("var v = (object?[])value!;");
        w.Line($"return new {clrName}(" + string.Join(", ", fields.Select((f, i) => f.Type.FromAbi($"v[{i}]"))) + ");");
        w.Close();
        w.Close();
    }

    private static string FieldName(string name, int index, string owner)
    {
        string pascal = name.Length > 0 ? Naming.Pascal(name) : "Item" + (index + 1);
        return pascal == owner || pascal == "Log" ? pascal + "Value" : pascal;
    }

    private static void WriteEnum(CodeWriter w, string clrName, string qualified, IReadOnlyList<string> members)
    {
        w.Line();
        w.Summary($"The Solidity enum {qualified} (a uint8 on chain).");
        w.Open($"public enum {clrName} : byte");
        for (int i = 0; i < members.Count; i++)
        {
            w.Summary($"{qualified}.{members[i]} ({i}).");
            w.Line($"{members[i]} = {i},");
        }

        w.Close();
    }

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
