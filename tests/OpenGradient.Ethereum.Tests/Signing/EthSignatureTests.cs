using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Ethereum.Tests.Signing;

public sealed class EthSignatureTests
{
    private const string N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    // EIP-155's worked example: key 0x46…46 signs this hash (RFC 6979) giving these r, s and v = 37.
    private const string Eip155Key = "0x4646464646464646464646464646464646464646464646464646464646464646";
    private const string Eip155Hash = "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
    private const string Eip155R = "0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276";
    private const string Eip155S = "0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    [Test]
    public void Sign_Eip155Example_MatchesPublishedRAndS()
    {
        EthKey key = EthKey.Parse(Eip155Key);

        EthSignature signature = key.Sign(Hex.Decode(Eip155Hash));

        Assert.That(Hex.Encode(signature.R), Is.EqualTo(Eip155R));
        Assert.That(Hex.Encode(signature.S), Is.EqualTo(Eip155S));
        Assert.That(signature.YParity, Is.Zero);
    }

    [Test]
    public void RecoverAddress_Eip155Example_ReturnsSigner()
    {
        EthSignature signature = EthSignature.FromComponents(Hex.Decode(Eip155R), Hex.Decode(Eip155S), 27);

        Assert.That(signature.RecoverAddress(Hex.Decode(Eip155Hash)).ToString(), Is.EqualTo("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
    }

    [Test]
    public void Sign_SameKeyAndHash_IsDeterministic()
    {
        EthKey key = EthKey.Parse(Eip155Key);
        byte[] hash = Keccak256.Hash("deterministic");

        EthSignature first = key.Sign(hash);
        EthSignature second = key.Sign(hash);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Sign_ManyHashes_AlwaysLowSAndRecoversSigner()
    {
        EthKey key = EthKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var parities = new HashSet<byte>();
        for (int i = 0; i < 64; i++)
        {
            byte[] hash = Keccak256.Hash($"message {i}");
            EthSignature signature = key.Sign(hash);
            parities.Add(signature.YParity);

            Assert.That(signature.S[0], Is.LessThanOrEqualTo(0x7F));
            Assert.That(signature.RecoverAddress(hash), Is.EqualTo(key.Address));
        }

        // Both recovery ids occur, so the parity computation is really exercised.
        Assert.That(parities, Has.Count.EqualTo(2));
    }

    [Test]
    public void ToBytes_FromBytes_RoundTrips()
    {
        EthSignature signature = EthKey.Parse(Eip155Key).Sign(Keccak256.Hash("x"));

        byte[] bytes = signature.ToBytes();

        Assert.That(bytes, Has.Length.EqualTo(65));
        Assert.That(bytes[64], Is.EqualTo(signature.V));
        Assert.That(EthSignature.FromBytes(bytes), Is.EqualTo(signature));
        Assert.That(EthSignature.Parse(signature.ToString()), Is.EqualTo(signature));
    }

    [Test]
    public void FromBytes_VZeroOrOne_IsAccepted()
    {
        EthSignature signature = EthKey.Parse(Eip155Key).Sign(Keccak256.Hash("y"));
        byte[] bytes = signature.ToBytes();
        bytes[64] -= 27;

        Assert.That(EthSignature.FromBytes(bytes), Is.EqualTo(signature));
    }

    // EIP-2098's published example.
    [Test]
    public void FromCompactBytes_Eip2098Example_MatchesExpandedForm()
    {
        EthSignature expanded = EthSignature.FromComponents(
            Hex.Decode("0x68a020a209d3d56c46f38cc50a33f704f4a9a10a59377f8dd762ac66910e9b90"),
            Hex.Decode("0x7e865ad05c4035ab5792787d4a0297a43617ae897930a6fe4d822b8faea52064"),
            27);

        EthSignature compact = EthSignature.Parse(
            "0x68a020a209d3d56c46f38cc50a33f704f4a9a10a59377f8dd762ac66910e9b907e865ad05c4035ab5792787d4a0297a43617ae897930a6fe4d822b8faea52064");

        Assert.That(compact, Is.EqualTo(expanded));
        Assert.That(Hex.Encode(expanded.ToCompactBytes()), Is.EqualTo("0x68a020a209d3d56c46f38cc50a33f704f4a9a10a59377f8dd762ac66910e9b907e865ad05c4035ab5792787d4a0297a43617ae897930a6fe4d822b8faea52064"));
    }

    [Test]
    public void FromCompactBytes_Eip2098SecondExample_HasParityOne()
    {
        EthSignature compact = EthSignature.Parse(
            "0x9328da16089fcba9bececa81663203989f2df5fe1faa6291a45381c81bd17f76939c6d6b623b42da56557e5e734a43dc83345ddfadec52cbe24d0cc64f550793");

        Assert.That(compact.YParity, Is.EqualTo(1));
        Assert.That(Hex.Encode(compact.S), Is.EqualTo("0x139c6d6b623b42da56557e5e734a43dc83345ddfadec52cbe24d0cc64f550793"));
        Assert.That(EthSignature.FromCompactBytes(compact.ToCompactBytes()), Is.EqualTo(compact));
    }

    [Test]
    public void FromComponents_HighS_ThrowsSignatureException()
    {
        EthSignature signature = EthKey.Parse(Eip155Key).Sign(Hex.Decode(Eip155Hash));
        byte[] highS = Subtract(Hex.Decode(N), signature.S);

        var ex = Assert.Throws<SignatureException>(() => EthSignature.FromComponents(signature.R, highS, signature.V));

        Assert.That(ex!.Message, Does.Contain("high s"));
    }

    [TestCase("0000000000000000000000000000000000000000000000000000000000000000", "0000000000000000000000000000000000000000000000000000000000000001", "r")]
    [TestCase(N, "0000000000000000000000000000000000000000000000000000000000000001", "r")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000001", "0000000000000000000000000000000000000000000000000000000000000000", "s")]
    [TestCase("0000000000000000000000000000000000000000000000000000000000000001", N, "s")]
    public void FromComponents_ScalarOutOfRange_ThrowsSignatureException(string r, string s, string which)
    {
        var ex = Assert.Throws<SignatureException>(() => EthSignature.FromComponents(Hex.Decode(r), Hex.Decode(s), 27));

        Assert.That(ex!.Message, Does.StartWith($"The signature's {which} is zero or not below"));
    }

    [TestCase(2)]
    [TestCase(26)]
    [TestCase(29)]
    [TestCase(37)]
    public void FromComponents_InvalidV_ThrowsSignatureException(int v)
    {
        var ex = Assert.Throws<SignatureException>(() => EthSignature.FromComponents(Hex.Decode(Eip155R), Hex.Decode(Eip155S), v));

        Assert.That(ex!.Message, Does.Contain($"v is {v}"));
    }

    [TestCase(0)]
    [TestCase(64)]
    [TestCase(66)]
    public void FromBytes_WrongLength_ThrowsSignatureException(int length)
    {
        Assert.Throws<SignatureException>(() => EthSignature.FromBytes(new byte[length]));
    }

    [Test]
    public void Parse_NotHex_ThrowsSignatureException()
    {
        Assert.Throws<SignatureException>(() => EthSignature.Parse("0xnothex"));
    }

    [Test]
    public void RecoverAddress_RNotOnCurve_ThrowsSignatureException()
    {
        // x = 5 has no y on secp256k1 (5³ + 7 = 132 is not a square mod p).
        byte[] r = new byte[32];
        r[31] = 5;
        EthSignature signature = EthSignature.FromComponents(r, Hex.Decode(Eip155S), 27);

        var ex = Assert.Throws<SignatureException>(() => signature.RecoverAddress(Hex.Decode(Eip155Hash)));

        Assert.That(ex!.Message, Does.Contain("not the x-coordinate"));
    }

    [Test]
    public void RecoverAddress_OtherHash_ReturnsAnotherAddress()
    {
        EthKey key = EthKey.Parse(Eip155Key);
        EthSignature signature = key.Sign(Keccak256.Hash("a"));

        Assert.That(signature.RecoverAddress(Keccak256.Hash("b")), Is.Not.EqualTo(key.Address));
    }

    [Test]
    public void Sign_HashNot32Bytes_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EthKey.Parse(Eip155Key).Sign(new byte[31]));
    }

    private static byte[] Subtract(byte[] a, ReadOnlySpan<byte> b)
    {
        var result = new byte[32];
        int borrow = 0;
        for (int i = 31; i >= 0; i--)
        {
            int d = a[i] - b[i] - borrow;
            borrow = d < 0 ? 1 : 0;
            result[i] = (byte)(d + (borrow << 8));
        }

        return result;
    }
}
