using BenchmarkDotNet.Attributes;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Transactions;

namespace OpenGradient.Ethereum.Benchmarks;

/// <summary>
/// secp256k1 signing and recovery of a 32-byte hash, and building + signing + serializing an
/// EIP-1559 transaction; viem-bench-signing.mjs measures the same operations on the same inputs.
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private EthKey _key = null!;
    private byte[] _hash = [];
    private EthSignature _signature = null!;
    private Transaction _transaction = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The first public Hardhat dev key; the hash is BenchmarkData.Bytes(32, seed: 7).
        _key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        _hash = BenchmarkData.Bytes(32, seed: 7);
        _signature = _key.Sign(_hash);
        _transaction = new Transaction
        {
            ChainId = 31337,
            Nonce = 42,
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = 30_000_000_000,
            GasLimit = 250_000,
            To = Address.FromBytes(BenchmarkData.Bytes(20, seed: 8)),
            Value = 1_000_000_000_000_000,
            Data = BenchmarkData.Bytes(196, seed: 9),
        };
    }

    [Benchmark]
    public EthSignature Secp256k1_Sign() => _key.Sign(_hash);

    [Benchmark]
    public Address Secp256k1_Recover() => _signature.RecoverAddress(_hash);

    [Benchmark]
    public byte[] Eip1559_SignAndSerialize() => _transaction.Sign(_key).Encode();
}
