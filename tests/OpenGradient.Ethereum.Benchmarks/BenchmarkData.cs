using System.Numerics;
using OpenGradient.Ethereum.Abi;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.Benchmarks;

/// <summary>Inputs shared by the benchmarks; viem-bench.mjs builds the same values.</summary>
internal static class BenchmarkData
{
    public const string JobType =
        "(uint256 jobId, bytes32 modelId, address requester, bytes input, uint64 deadline, (string name, uint8 elementType, uint8 decimals, uint32[] shape, int256[] values)[] tensors)";

    public static IReadOnlyList<AbiParameter> JobParameters { get; } = [new AbiParameter(AbiType.Parse(JobType), "job")];

    /// <summary>Deterministic bytes: byte i is (i * 31 + seed) mod 256, so Node can build the same.</summary>
    public static byte[] Bytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + seed);
        }

        return bytes;
    }

    public static object?[] JobValues()
    {
        // Two tensors: a 1x8 fixed-point input (6 decimals, signed values) and an 8-element bool mask.
        var values = new BigInteger[8];
        var mask = new BigInteger[8];
        for (int i = 0; i < 8; i++)
        {
            values[i] = (i - 4) * 1_234_567;
            mask[i] = i % 2;
        }

        object?[] job =
        [
            new BigInteger(123456789),
            Bytes(32, seed: 3),
            Address.FromBytes(Bytes(20, seed: 4)),
            Bytes(256, seed: 5),
            1_800_000_000UL,
            new object?[]
            {
                new object?[] { "input", (byte)0, (byte)6, new uint[] { 1, 8 }, values },
                new object?[] { "mask", (byte)2, (byte)0, new uint[] { 8 }, mask },
            },
        ];
        return [job];
    }
}
