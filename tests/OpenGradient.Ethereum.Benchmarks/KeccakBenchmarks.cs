using BenchmarkDotNet.Attributes;
using OpenGradient.Ethereum.Hashing;

namespace OpenGradient.Ethereum.Benchmarks;

/// <summary>Keccak-256 of a 32-byte word (a typical hash of a hash) and of 1 KiB (calldata-sized).</summary>
[MemoryDiagnoser]
public class KeccakBenchmarks
{
    private readonly byte[] _digest = new byte[32];
    private byte[] _word = [];
    private byte[] _kibibyte = [];

    [GlobalSetup]
    public void Setup()
    {
        _word = BenchmarkData.Bytes(32, seed: 1);
        _kibibyte = BenchmarkData.Bytes(1024, seed: 2);
    }

    [Benchmark]
    public byte[] Keccak256_32B()
    {
        Keccak256.Hash(_word, _digest);
        return _digest;
    }

    [Benchmark]
    public byte[] Keccak256_1KiB()
    {
        Keccak256.Hash(_kibibyte, _digest);
        return _digest;
    }
}
