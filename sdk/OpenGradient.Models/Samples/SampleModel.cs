using System.Security.Cryptography;

namespace OpenGradient.Models.Samples;

/// <summary>One generated sample model: its bytes, id and what a registration needs.</summary>
public sealed class SampleModel
{
    private readonly byte[] _bytes;

    internal SampleModel(
        string name,
        string description,
        byte[] bytes,
        IReadOnlyList<SampleTensorSpec> inputs,
        IReadOnlyList<SampleTensorSpec> outputs,
        int decimals,
        int tolerance)
    {
        Name = name;
        Description = description;
        _bytes = bytes;
        Inputs = inputs;
        Outputs = outputs;
        Decimals = decimals;
        Tolerance = tolerance;
        Sha256 = SHA256.HashData(bytes);
    }

    /// <summary>Short stable name, e.g. "linear-regressor".</summary>
    public string Name { get; }

    /// <summary>File name used by the generator and the devnet, e.g. "linear-regressor.onnx".</summary>
    public string FileName => Name + ".onnx";

    /// <summary>What the model computes.</summary>
    public string Description { get; }

    /// <summary>The ONNX file bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>sha256 of <see cref="Bytes"/>: the on-chain model id.</summary>
    public ReadOnlyMemory<byte> Sha256 { get; }

    /// <summary>The model id as 0x-prefixed lowercase hex.</summary>
    public string ModelIdHex => "0x" + Convert.ToHexStringLower(Sha256.Span);

    /// <summary>Declared inputs in graph order.</summary>
    public IReadOnlyList<SampleTensorSpec> Inputs { get; }

    /// <summary>Declared outputs in graph order.</summary>
    public IReadOnlyList<SampleTensorSpec> Outputs { get; }

    /// <summary>Output decimals suggested for registration.</summary>
    public int Decimals { get; }

    /// <summary>Verification tolerance suggested for registration, in quantized units of <see cref="Decimals"/>.</summary>
    public int Tolerance { get; }

    /// <summary>A copy of the bytes (for writing to disk or corrupting in tests).</summary>
    public byte[] ToArray() => [.. _bytes];
}
