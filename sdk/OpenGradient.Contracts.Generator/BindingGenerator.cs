using System.Text.Json;
using OpenGradient.Ethereum.Abi;

namespace OpenGradient.Contracts.Generator;

/// <summary>
/// Turns Hardhat artifacts into C# bindings: per contract a <c>&lt;Name&gt;.g.cs</c> with a typed service class and the
/// structs, enums, events and errors first used by that contract (shared ones are emitted once, by the first contract in
/// name order), plus <c>ContractErrors.g.cs</c>, the revert-data decoder over every bound error. Output is a pure function
/// of the inputs: sorted, no timestamps, "\n" line ends.
/// </summary>
internal sealed partial class BindingGenerator
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
}
