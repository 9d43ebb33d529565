using System.Numerics;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Transactions;

namespace OpenGradient.Ethereum.Tests.Transactions;

public sealed class TransactionTests
{
    // EIP-155's worked example.
    private static readonly Transaction Eip155Example = new()
    {
        Type = TransactionType.Legacy,
        ChainId = 1,
        Nonce = 9,
        GasPrice = 20_000_000_000,
        GasLimit = 21_000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = BigInteger.Parse("1000000000000000000", System.Globalization.CultureInfo.InvariantCulture),
    };

    private const string Eip155Signed =
        "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    private static readonly EthKey Eip155Key = EthKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");

    [Test]
    public void GetSigningPayload_Eip155Example_MatchesPublishedSigningData()
    {
        Assert.That(
            Hex.Encode(Eip155Example.GetSigningPayload()),
            Is.EqualTo("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080"));
        Assert.That(
            Hex.Encode(Eip155Example.GetSigningHash()),
            Is.EqualTo("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));
    }

    [Test]
    public void Sign_Eip155Example_MatchesPublishedSignedTransaction()
    {
        SignedTransaction signed = Eip155Example.Sign(Eip155Key);

        Assert.That(signed.ToHex(), Is.EqualTo(Eip155Signed));
    }

    [Test]
    public void Decode_Eip155Example_ReturnsFieldsAndSender()
    {
        SignedTransaction decoded = SignedTransaction.Parse(Eip155Signed, expectedChainId: 1);

        Assert.That(decoded.Transaction, Is.EqualTo(Eip155Example));
        Assert.That(decoded.RecoverSender(), Is.EqualTo(Eip155Key.Address));
        Assert.That(decoded.ToHex(), Is.EqualTo(Eip155Signed));
    }

    [Test]
    public void Sign_PreEip155Legacy_UsesV27Or28AndDecodesWithoutChainId()
    {
        Transaction tx = new() { Type = TransactionType.Legacy, Nonce = 1, GasPrice = 1, GasLimit = 21000, Value = 5 };

        SignedTransaction signed = tx.Sign(Eip155Key);
        SignedTransaction decoded = SignedTransaction.Decode(signed.Encode());

        Assert.That(decoded.Transaction.ChainId, Is.Null);
        Assert.That(decoded.Transaction.To, Is.Null);
        Assert.That(decoded.RecoverSender(), Is.EqualTo(Eip155Key.Address));
        Assert.That(Hex.Encode(tx.GetSigningPayload()), Is.EqualTo("0xc80101825208800580"));
    }

    [Test]
    public void Sign_Eip1559_EncodesTypeByteAndRoundTrips()
    {
        Transaction tx = new()
        {
            ChainId = 31337,
            Nonce = 7,
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = 30_000_000_000,
            GasLimit = 100_000,
            To = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            Value = 123,
            Data = new byte[] { 0xde, 0xad, 0xbe, 0xef },
            AccessList = [new AccessListEntry(Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"), [new byte[32]])],
        };

        SignedTransaction signed = tx.Sign(Eip155Key);
        byte[] raw = signed.Encode();

        Assert.That(raw[0], Is.EqualTo(0x02));
        Assert.That(tx.GetSigningPayload()[0], Is.EqualTo(0x02));
        Assert.That(SignedTransaction.Decode(raw, 31337), Is.EqualTo(signed));
        Assert.That(signed.RecoverSender(), Is.EqualTo(Eip155Key.Address));
    }

    [Test]
    public void Sign_Eip2930_EncodesTypeByteAndRoundTrips()
    {
        Transaction tx = new()
        {
            Type = TransactionType.AccessList,
            ChainId = 5,
            GasPrice = 10,
            GasLimit = 50_000,
            AccessList = [new AccessListEntry(Address.Zero, []), new AccessListEntry(Address.Zero, [new byte[32], Enumerable.Repeat((byte)0xff, 32).ToArray()])],
        };

        SignedTransaction signed = tx.Sign(Eip155Key);

        Assert.That(signed.Encode()[0], Is.EqualTo(0x01));
        Assert.That(SignedTransaction.Decode(signed.Encode()), Is.EqualTo(signed));
    }

    [Test]
    public void GetHash_IsKeccakOfRawBytes()
    {
        SignedTransaction signed = Eip155Example.Sign(Eip155Key);

        Assert.That(signed.GetHash(), Is.EqualTo(OpenGradient.Ethereum.Hashing.Keccak256.Hash(signed.Encode())));
    }

    [Test]
    public void Encode_HugeChainIdLegacy_WritesVBeyond64Bits()
    {
        Transaction tx = new() { Type = TransactionType.Legacy, ChainId = ulong.MaxValue, GasLimit = 21000 };

        SignedTransaction signed = tx.Sign(Eip155Key);
        SignedTransaction decoded = SignedTransaction.Decode(signed.Encode(), ulong.MaxValue);

        Assert.That(decoded.Transaction.ChainId, Is.EqualTo(ulong.MaxValue));
        Assert.That(decoded.RecoverSender(), Is.EqualTo(Eip155Key.Address));
    }

    [Test]
    public void Encode_GasPriceOnEip1559_ThrowsInvalidTransactionException()
    {
        Transaction tx = new() { ChainId = 1, GasPrice = 1 };

        var ex = Assert.Throws<InvalidTransactionException>(() => tx.GetSigningHash());

        Assert.That(ex!.Message, Does.StartWith("GasPrice is set"));
    }

    [Test]
    public void Encode_TypedWithoutChainId_ThrowsInvalidTransactionException()
    {
        Transaction tx = new() { Type = TransactionType.AccessList };

        Assert.Throws<InvalidTransactionException>(() => tx.Sign(Eip155Key));
    }

    [Test]
    public void Encode_AccessListOnLegacy_ThrowsInvalidTransactionException()
    {
        Transaction tx = new() { Type = TransactionType.Legacy, AccessList = [new AccessListEntry(Address.Zero, [])] };

        Assert.Throws<InvalidTransactionException>(() => tx.GetSigningPayload());
    }

    [TestCase(-1)]
    [TestCase(256)]
    public void Encode_ValueOutOfUInt256_ThrowsInvalidTransactionException(int which)
    {
        BigInteger value = which < 0 ? BigInteger.MinusOne : BigInteger.One << 256;
        Transaction tx = new() { ChainId = 1, Value = value };

        var ex = Assert.Throws<InvalidTransactionException>(() => tx.GetSigningPayload());

        Assert.That(ex!.Message, Does.StartWith("Value is"));
    }

    [Test]
    public void Encode_MaximumValues_RoundTrip()
    {
        BigInteger max = (BigInteger.One << 256) - 1;
        Transaction tx = new()
        {
            ChainId = ulong.MaxValue,
            Nonce = ulong.MaxValue,
            MaxPriorityFeePerGas = max,
            MaxFeePerGas = max,
            GasLimit = ulong.MaxValue,
            Value = max,
        };

        SignedTransaction signed = tx.Sign(Eip155Key);

        Assert.That(SignedTransaction.Decode(signed.Encode()), Is.EqualTo(signed));
    }

    [Test]
    public void AccessListEntry_StorageKeyNot32Bytes_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => _ = new AccessListEntry(Address.Zero, [new byte[31]]));
    }
}
