using OpenGradient.Ethereum.Hashing;

namespace OpenGradient.Inference.Tensors;

/// <summary>
/// The result commitment of docs/protocol.md section 2:
/// <c>keccak256(modelId ‖ keccak256(inputBytes) ‖ keccak256(outputBytes))</c>, 96 bytes hashed once.
/// </summary>
public static class Commitment
{
    /// <summary>Size of every hash and of the model id.</summary>
    public const int HashSize = 32;

    /// <summary><c>keccak256(inputBytes)</c>.</summary>
    public static byte[] InputHash(ReadOnlySpan<byte> inputBytes) => Keccak256.Hash(inputBytes);

    /// <summary><c>keccak256(outputBytes)</c>.</summary>
    public static byte[] OutputHash(ReadOnlySpan<byte> outputBytes) => Keccak256.Hash(outputBytes);

    /// <summary>The commitment of <paramref name="outputBytes"/> for <paramref name="inputBytes"/> on model <paramref name="modelId"/>.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> modelId, ReadOnlySpan<byte> inputBytes, ReadOnlySpan<byte> outputBytes)
    {
        Span<byte> preimage = stackalloc byte[3 * HashSize];
        CheckId(modelId);
        modelId.CopyTo(preimage);
        Keccak256.Hash(inputBytes, preimage.Slice(HashSize, HashSize));
        Keccak256.Hash(outputBytes, preimage.Slice(2 * HashSize, HashSize));
        return Keccak256.Hash(preimage);
    }

    /// <summary>The commitment from an already computed input hash and output hash.</summary>
    public static byte[] FromHashes(ReadOnlySpan<byte> modelId, ReadOnlySpan<byte> inputHash, ReadOnlySpan<byte> outputHash)
    {
        CheckId(modelId);
        if (inputHash.Length != HashSize || outputHash.Length != HashSize)
        {
            throw new ArgumentException("The input hash and the output hash must be 32 bytes each.");
        }

        Span<byte> preimage = stackalloc byte[3 * HashSize];
        modelId.CopyTo(preimage);
        inputHash.CopyTo(preimage[HashSize..]);
        outputHash.CopyTo(preimage[(2 * HashSize)..]);
        return Keccak256.Hash(preimage);
    }

    private static void CheckId(ReadOnlySpan<byte> modelId)
    {
        if (modelId.Length != HashSize)
        {
            throw new ArgumentException($"A model id is 32 bytes (sha256 of the ONNX file), not {modelId.Length}.", nameof(modelId));
        }
    }
}
