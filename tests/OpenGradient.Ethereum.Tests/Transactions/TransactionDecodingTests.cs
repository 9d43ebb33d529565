using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.Transactions;

namespace OpenGradient.Ethereum.Tests.Transactions;

public sealed class TransactionDecodingTests
{
    private static readonly EthKey Key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    private static readonly SignedTransaction Signed1559 = new Transaction
    {
        ChainId = 31337,
        Nonce = 3,
        MaxPriorityFeePerGas = 2,
        MaxFeePerGas = 100,
        GasLimit = 21000,
        To = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        Value = 1,
    }.Sign(Key);

    [Test]
    public void Decode_Empty_ThrowsTransactionDecodingException()
    {
        Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode([]));
    }

    [Test]
    public void Decode_EveryTruncation_ThrowsTransactionDecodingException()
    {
        byte[] raw = Signed1559.Encode();
        for (int length = 0; length < raw.Length; length++)
        {
            Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw.AsSpan(0, length)), $"length {length}");
        }
    }

    [Test]
    public void Decode_TrailingByte_ThrowsTransactionDecodingException()
    {
        byte[] raw = [.. Signed1559.Encode(), 0x00];

        var ex = Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw));

        Assert.That(ex!.Message, Does.Contain("trailing"));
    }

    [TestCase(0x00, "unknown type byte 0x00")]
    [TestCase(0x05, "unknown type byte 0x05")]
    [TestCase(0x7f, "unknown type byte 0x7f")]
    [TestCase(0x03, "EIP-4844")]
    [TestCase(0x04, "EIP-7702")]
    [TestCase(0x80, "RLP string header")]
    public void Decode_WrongTypeByte_ThrowsTransactionDecodingException(int typeByte, string message)
    {
        byte[] raw = Signed1559.Encode();
        raw[0] = (byte)typeByte;

        var ex = Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw));

        Assert.That(ex!.Message, Does.Contain(message));
    }

    [Test]
    public void Decode_Eip1559BytesLabelledEip2930_ThrowsTransactionDecodingException()
    {
        byte[] raw = Signed1559.Encode();
        raw[0] = 0x01;

        var ex = Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw));

        Assert.That(ex!.Message, Does.Contain("has 11 fields"));
    }

    [Test]
    public void Decode_OtherChainId_ThrowsChainIdMismatchException()
    {
        var ex = Assert.Throws<ChainIdMismatchException>(() => SignedTransaction.Decode(Signed1559.Encode(), expectedChainId: 1));

        Assert.That(ex!.ExpectedChainId, Is.EqualTo(1));
        Assert.That(ex.ActualChainId, Is.EqualTo(31337));
        Assert.That(ex.Message, Does.Contain("signed for chain id 31337 but chain id 1 was expected"));
    }

    [Test]
    public void Decode_PreEip155WithExpectedChainId_ThrowsChainIdMismatchException()
    {
        byte[] raw = new Transaction { Type = TransactionType.Legacy, GasLimit = 21000 }.Sign(Key).Encode();

        var ex = Assert.Throws<ChainIdMismatchException>(() => SignedTransaction.Decode(raw, expectedChainId: 1));

        Assert.That(ex!.ActualChainId, Is.Null);
        Assert.That(ex.Message, Does.Contain("replayable"));
    }

    [Test]
    public void Decode_HighS_ThrowsTransactionDecodingExceptionWithSignatureCause()
    {
        // Rebuild the list with s' = n − s (and the flipped parity): a valid ECDSA signature that EIP-2 forbids.
        RlpItem list = Rlp.Decode(Signed1559.Encode().AsSpan(1));
        var items = list.Items.ToList();
        var n = System.Numerics.BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(items[11].Bytes, isUnsigned: true, isBigEndian: true);
        items[9] = RlpItem.FromUInt(1 - items[9].ToUInt64());
        items[11] = RlpItem.FromUInt(n - s);
        byte[] raw = [0x02, .. Rlp.Encode(RlpItem.List([.. items]))];

        var ex = Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw));

        Assert.That(ex!.InnerException, Is.TypeOf<SignatureException>());
        Assert.That(ex.Message, Does.Contain("high s"));
    }

    [TestCase(9, "02", "'yParity' is 2")]
    [TestCase(9, "0x00", "'yParity' is invalid")]
    [TestCase(10, "", "r is zero")]
    [TestCase(5, "0x0102", "'to' has 2 bytes")]
    [TestCase(1, "0x0003", "'nonce' is invalid")]
    [TestCase(4, "0x010000000000000000", "'gasLimit' is invalid")]
    public void Decode_BadField_ThrowsTransactionDecodingExceptionNamingIt(int index, string hex, string message)
    {
        RlpItem list = Rlp.Decode(Signed1559.Encode().AsSpan(1));
        var items = list.Items.ToList();
        items[index] = hex.Length == 2 ? RlpItem.FromUInt(Convert.ToUInt64(hex, 16)) : RlpItem.FromBytes(Hex.Decode(hex));
        byte[] raw = [0x02, .. Rlp.Encode(RlpItem.List([.. items]))];

        var ex = Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw));

        Assert.That(ex!.Message, Does.Contain(message));
    }

    [Test]
    public void Decode_AccessListKeyOf31Bytes_ThrowsTransactionDecodingException()
    {
        RlpItem list = Rlp.Decode(Signed1559.Encode().AsSpan(1));
        var items = list.Items.ToList();
        items[8] = RlpItem.List(RlpItem.List(RlpItem.FromBytes(new byte[20]), RlpItem.List(RlpItem.FromBytes(new byte[31]))));
        byte[] raw = [0x02, .. Rlp.Encode(RlpItem.List([.. items]))];

        var ex = Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw));

        Assert.That(ex!.Message, Does.Contain("'accessList[0].storageKeys[0]'"));
    }

    [TestCase(26)]
    [TestCase(29)]
    [TestCase(34)]
    public void Decode_LegacyInvalidV_ThrowsTransactionDecodingException(int v)
    {
        RlpItem list = Rlp.Decode(new Transaction { Type = TransactionType.Legacy, GasLimit = 21000 }.Sign(Key).Encode());
        var items = list.Items.ToList();
        items[6] = RlpItem.FromUInt((ulong)v);
        byte[] raw = Rlp.Encode(RlpItem.List([.. items]));

        var ex = Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(raw));

        Assert.That(ex!.Message, Does.Contain($"'v' is {v}"));
    }

    [Test]
    public void Decode_UnsignedLegacyPayload_ThrowsTransactionDecodingException()
    {
        byte[] unsigned = new Transaction { Type = TransactionType.Legacy, GasLimit = 21000 }.GetSigningPayload();

        var ex = Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Decode(unsigned));

        Assert.That(ex!.Message, Does.Contain("has 9 fields"));
    }

    [Test]
    public void Parse_NotHex_ThrowsTransactionDecodingException()
    {
        Assert.Throws<TransactionDecodingException>(() => SignedTransaction.Parse("0x02zz"));
    }
}
