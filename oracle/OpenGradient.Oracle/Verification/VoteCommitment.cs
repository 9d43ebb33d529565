using System.Buffers.Binary;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Oracle.Verification;

/// <summary>The committed vote hash the hub checks at reveal: <c>keccak256(abi.encode(uint256 jobId, bool valid, bytes32 salt, address member))</c>.</summary>
internal static class VoteCommitment
{
    public static byte[] Compute(ulong jobId, bool valid, ReadOnlySpan<byte> salt, Address member)
    {
        if (salt.Length != 32)
        {
            throw new ArgumentException($"A vote salt is 32 bytes, not {salt.Length}.", nameof(salt));
        }

        Span<byte> preimage = stackalloc byte[128];
        preimage.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(preimage[24..32], jobId);
        preimage[63] = valid ? (byte)1 : (byte)0;
        salt.CopyTo(preimage[64..96]);
        member.Span.CopyTo(preimage[108..128]);
        return Keccak256.Hash(preimage);
    }
}
