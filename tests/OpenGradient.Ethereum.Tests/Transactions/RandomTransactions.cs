using System.Numerics;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Transactions;

namespace OpenGradient.Ethereum.Tests.Transactions;

/// <summary>
/// Random transactions and keys from a seeded <see cref="Random"/>, biased towards edge values
/// (zero, one byte, 0x7f/0x80, 55/56-byte boundaries, 2^256 − 1) so the RLP boundaries are hit.
/// Values stay inside what viem accepts (nonce below 2^53, priority fee ≤ fee cap, chain id ≥ 1).
/// </summary>
internal static class RandomTransactions
{
    internal static EthKey Key(Random random)
    {
        byte[] bytes = new byte[32];
        while (true)
        {
            random.NextBytes(bytes);
            if (random.Next(8) == 0)
            {
                Array.Clear(bytes, 0, random.Next(1, 31));
            }

            try
            {
                return EthKey.FromPrivateKey(bytes);
            }
            catch (PrivateKeyException)
            {
                // Zero or ≥ n: draw again.
            }
        }
    }

    internal static Transaction Transaction(Random random)
    {
        var type = (TransactionType)random.Next(3);
        ulong? chainId = type == TransactionType.Legacy && random.Next(3) == 0 ? null : (ulong)SmallUInt(random, 1, 1UL << 40);
        BigInteger maxFee = UInt256(random);
        BigInteger maxPriority = random.Next(4) == 0 ? maxFee : (maxFee.IsZero ? 0 : RandomBelow(random, maxFee));
        return new Transaction
        {
            Type = type,
            ChainId = chainId,
            Nonce = SmallUInt(random, 0, 1UL << 53),
            GasPrice = type == TransactionType.DynamicFee ? 0 : UInt256(random),
            MaxFeePerGas = type == TransactionType.DynamicFee ? maxFee : 0,
            MaxPriorityFeePerGas = type == TransactionType.DynamicFee ? maxPriority : 0,
            GasLimit = SmallUInt(random, 0, ulong.MaxValue),
            To = random.Next(5) == 0 ? null : RandomAddress(random),
            Value = UInt256(random),
            Data = Bytes(random),
            AccessList = type == TransactionType.Legacy ? [] : AccessList(random),
        };
    }

    private static List<AccessListEntry> AccessList(Random random)
    {
        var entries = new List<AccessListEntry>();
        int count = random.Next(3) == 0 ? random.Next(0, 4) : 0;
        for (int i = 0; i < count; i++)
        {
            var keys = new List<byte[]>();
            int keyCount = random.Next(0, 4);
            for (int k = 0; k < keyCount; k++)
            {
                byte[] key = new byte[32];
                random.NextBytes(key);
                keys.Add(key);
            }

            entries.Add(new AccessListEntry(RandomAddress(random), keys));
        }

        return entries;
    }

    private static Address RandomAddress(Random random)
    {
        byte[] bytes = new byte[20];
        random.NextBytes(bytes);
        return Address.FromBytes(bytes);
    }

    private static byte[] Bytes(Random random)
    {
        int length = random.Next(6) switch
        {
            0 => 0,
            1 => 1,
            2 => random.Next(54, 58),
            3 => random.Next(0, 300),
            _ => random.Next(0, 40),
        };
        byte[] data = new byte[length];
        random.NextBytes(data);
        if (length == 1 && random.Next(2) == 0)
        {
            data[0] = (byte)random.Next(0x7e, 0x82);
        }

        return data;
    }

    private static ulong SmallUInt(Random random, ulong min, ulong max)
    {
        ulong value = random.Next(4) switch
        {
            0 => min,
            1 => Math.Min(max, min + (ulong)random.Next(0, 0x100)),
            2 => max - 1,
            _ => min + ((ulong)random.NextInt64() % (max - min)),
        };
        return Math.Clamp(value, min, max - 1);
    }

    private static BigInteger UInt256(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return 0;
            case 1:
                return random.Next(1, 0x100);
            case 2:
                return (BigInteger.One << 256) - 1;
            default:
                byte[] bytes = new byte[random.Next(1, 33)];
                random.NextBytes(bytes);
                return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        }
    }

    private static BigInteger RandomBelow(Random random, BigInteger max)
    {
        byte[] bytes = new byte[max.GetByteCount(isUnsigned: true)];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % max;
    }
}
