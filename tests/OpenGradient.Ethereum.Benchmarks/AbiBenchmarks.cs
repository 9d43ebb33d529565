using BenchmarkDotNet.Attributes;
using OpenGradient.Ethereum.Abi;

namespace OpenGradient.Ethereum.Benchmarks;

/// <summary>ABI encode and decode of a job-sized tuple (the same values as viem-bench.mjs).</summary>
[MemoryDiagnoser]
public class AbiBenchmarks
{
    private IReadOnlyList<AbiParameter> _parameters = [];
    private object?[] _values = [];
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _parameters = BenchmarkData.JobParameters;
        _values = BenchmarkData.JobValues();
        _encoded = AbiEncoder.Encode(_parameters, _values);
    }

    [Benchmark]
    public byte[] AbiEncode_Job() => AbiEncoder.Encode(_parameters, _values);

    [Benchmark]
    public object?[] AbiDecode_Job() => AbiDecoder.Decode(_parameters, _encoded);
}
