using System.Text.Json;
using OpenGradient.Ethereum.Abi;

namespace OpenGradient.Ethereum.Contracts;

/// <summary>
/// A compiled contract as Hardhat writes it (<c>artifacts/&lt;source&gt;/&lt;Name&gt;.json</c>): its ABI, creation
/// bytecode and constructor parameters, ready for <see cref="Web3.DeployAsync"/>.
/// </summary>
public sealed class ContractArtifact
{
    private readonly byte[] _bytecode;
    private readonly AbiFunction _constructor;

    private ContractArtifact(string contractName, string? sourceName, ContractAbi abi, byte[] bytecode, AbiFunction constructor)
    {
        ContractName = contractName;
        SourceName = sourceName;
        Abi = abi;
        _bytecode = bytecode;
        _constructor = constructor;
    }

    /// <summary>The contract's name.</summary>
    public string ContractName { get; }

    /// <summary>The source file it came from (e.g. <c>contracts/test/RpcProbe.sol</c>), when the artifact says.</summary>
    public string? SourceName { get; }

    /// <summary>The contract's ABI.</summary>
    public ContractAbi Abi { get; }

    /// <summary>The creation bytecode (init code), without constructor arguments.</summary>
    public ReadOnlySpan<byte> Bytecode => _bytecode;

    /// <summary>The constructor's parameters (empty when it has none).</summary>
    public IReadOnlyList<AbiParameter> ConstructorInputs => _constructor.Inputs;

    /// <summary>Reads an artifact file.</summary>
    /// <exception cref="ContractArtifactException">The file is missing or not an artifact.</exception>
    public static ContractArtifact Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ContractArtifactException($"No artifact at '{path}'. Compile the contracts first (`npx hardhat build`) and check the path: artifacts/<source path>/<ContractName>.json.");
        }

        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Reads an artifact from its JSON text.</summary>
    /// <exception cref="ContractArtifactException">The JSON is not a deployable artifact.</exception>
    public static ContractArtifact FromJson(string json, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        string where = origin ?? "the artifact JSON";
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("abi", out JsonElement abiElement))
            {
                throw new ContractArtifactException($"{where} is not a Hardhat artifact (no \"abi\"); pass the file under artifacts/, not the build-info or a bare ABI.");
            }

            string name = root.TryGetProperty("contractName", out JsonElement n) && n.GetString() is { Length: > 0 } s ? s : "(unnamed)";
            string? source = root.TryGetProperty("sourceName", out JsonElement src) ? src.GetString() : null;
            if (root.TryGetProperty("linkReferences", out JsonElement links) && links.ValueKind == JsonValueKind.Object && links.EnumerateObject().Any())
            {
                throw new ContractArtifactException($"{name} in {where} needs linked libraries; deploy the libraries and link them first (library linking is not supported here).");
            }

            string bytecodeHex = root.TryGetProperty("bytecode", out JsonElement b) ? b.GetString() ?? string.Empty : string.Empty;
            if (!Encoding.Hex.TryDecode(bytecodeHex, out byte[] bytecode) || bytecode.Length == 0)
            {
                throw new ContractArtifactException($"{name} in {where} has no creation bytecode; it is an interface or abstract contract and cannot be deployed.");
            }

            return new ContractArtifact(name, source, ContractAbi.FromJson(abiElement), bytecode, ReadConstructor(abiElement));
        }
        catch (JsonException e)
        {
            throw new ContractArtifactException($"{where} is not valid JSON ({e.Message}); rebuild it with `npx hardhat build`.", e);
        }
        catch (AbiFormatException e)
        {
            throw new ContractArtifactException($"The ABI in {where} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The init code followed by the ABI-encoded constructor arguments: the data of a creation transaction.</summary>
    /// <exception cref="ArgumentException">The argument count differs from the constructor's.</exception>
    /// <exception cref="AbiEncodingException">An argument does not fit its parameter type.</exception>
    public byte[] GetDeploymentData(params object?[] constructorArguments)
    {
        ArgumentNullException.ThrowIfNull(constructorArguments);
        if (constructorArguments.Length != ConstructorInputs.Count)
        {
            throw new ArgumentException(
                $"{ContractName}'s constructor takes {ConstructorInputs.Count} argument(s) ({string.Join(", ", ConstructorInputs)}) but {constructorArguments.Length} were given.",
                nameof(constructorArguments));
        }

        byte[] encoded = AbiEncoder.Encode(ConstructorInputs, constructorArguments);
        var data = new byte[_bytecode.Length + encoded.Length];
        _bytecode.CopyTo(data, 0);
        encoded.CopyTo(data, _bytecode.Length);
        return data;
    }

    /// <summary>
    /// The constructor entry read by the ABI codec: <see cref="ContractAbi"/> skips constructors, so the entry is
    /// handed to it as a function named "constructor" to reuse its parameter reader (tuples and all).
    /// </summary>
    private static AbiFunction ReadConstructor(JsonElement abi)
    {
        if (abi.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement entry in abi.EnumerateArray())
            {
                if (entry.TryGetProperty("type", out JsonElement type) && type.GetString() == "constructor")
                {
                    string inputs = entry.TryGetProperty("inputs", out JsonElement i) ? i.GetRawText() : "[]";
                    return ContractAbi.FromJson($$"""[{"type":"function","name":"constructor","inputs":{{inputs}},"outputs":[]}]""").Functions[0];
                }
            }
        }

        return new AbiFunction("constructor", [], []);
    }
}
