using System.Buffers.Binary;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Verification;

/// <summary>
/// Decides whether this node re-executes a job: <c>keccak256(uint256 jobId ‖ address node)</c>, first 8 bytes as a
/// fraction of 2^64, below the share. Deterministic (a restart makes the same choice) and different per node, so
/// a sampled share spreads the re-execution work across verifiers.
/// </summary>
internal static class VerificationSampler
{
    public static bool IsSampled(ulong jobId, Address node, double share)
    {
        if (share >= 1.0)
        {
            return true;
        }

        if (share <= 0.0)
        {
            return false;
        }

        Span<byte> preimage = stackalloc byte[32 + Address.Size];
        preimage.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(preimage[24..32], jobId);
        node.Span.CopyTo(preimage[32..]);
        Span<byte> hash = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(preimage, hash);
        var draw = BinaryPrimitives.ReadUInt64BigEndian(hash);
        return draw < share * 18446744073709551616.0;
    }
}
