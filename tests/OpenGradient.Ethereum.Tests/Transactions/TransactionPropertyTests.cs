using System.Numerics;
using CsCheck;
using NUnit.Framework;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Tests.Signing;
using OpenGradient.Ethereum.Transactions;

namespace OpenGradient.Ethereum.Tests.Transactions;

/// <summary>Properties of the transaction codec, checked by CsCheck with shrinking.</summary>
public sealed class TransactionPropertyTests
{
    private static readonly Gen<BigInteger> UInt256 = Gen.Byte.Array[0, 32].Select(b => new BigInteger(b, isUnsigned: true, isBigEndian: true));

    private static readonly Gen<Address?> To = Gen.Frequency(
        (1, Gen.Const((Address?)null)),
        (4, Gen.Byte.Array[20].Select(b => (Address?)Address.FromBytes(b))));

    private static readonly Gen<AccessListEntry> Entry =
        Gen.Select(Gen.Byte.Array[20], Gen.Byte.Array[32].Array[0, 3])
            .Select((address, keys) => new AccessListEntry(Address.FromBytes(address), keys));

    private static readonly Gen<Transaction> AnyTransaction =
        Gen.Select(Gen.Int[0, 2], Gen.ULong, Gen.ULong, Gen.ULong, UInt256, UInt256, UInt256)
            .SelectMany(t => Gen.Select(To, UInt256, Gen.Byte.Array[0, 200], Entry.Array[0, 3], Gen.Bool)
                .Select((to, value, data, accessList, preEip155) =>
                {
                    var type = (TransactionType)t.Item1;
                    return new Transaction
                    {
                        Type = type,
                        ChainId = type == TransactionType.Legacy && preEip155 ? null : t.Item2,
                        Nonce = t.Item3,
                        GasLimit = t.Item4,
                        GasPrice = type == TransactionType.DynamicFee ? 0 : t.Item5,
                        MaxFeePerGas = type == TransactionType.DynamicFee ? t.Item6 : 0,
                        MaxPriorityFeePerGas = type == TransactionType.DynamicFee ? t.Item7 : 0,
                        To = to,
                        Value = value,
                        Data = data,
                        AccessList = type == TransactionType.Legacy ? [] : accessList,
                    };
                }));

    [Test]
    public void Decode_OfSignedEncode_GivesTheSameTransactionAndSender()
    {
        Gen.Select(AnyTransaction, SigningPropertyTests.Key).Sample((tx, key) =>
        {
            SignedTransaction signed = tx.Sign(key);
            byte[] raw = signed.Encode();
            SignedTransaction decoded = SignedTransaction.Decode(raw, tx.ChainId);

            Assert.That(decoded.Transaction, Is.EqualTo(tx));
            Assert.That(decoded, Is.EqualTo(signed));
            Assert.That(decoded.Encode(), Is.EqualTo(raw));
            Assert.That(decoded.RecoverSender(), Is.EqualTo(key.Address));
        }, iter: 300);
    }

    [Test]
    public void Decode_AnyStrictPrefix_ThrowsTransactionDecodingException()
    {
        Gen.Select(AnyTransaction, SigningPropertyTests.Key, Gen.Double[0, 1]).Sample((tx, key, fraction) =>
        {
            byte[] raw = tx.Sign(key).Encode();
            int length = (int)(fraction * (raw.Length - 1));

            Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw.AsSpan(0, length)));
        }, iter: 300);
    }
}
