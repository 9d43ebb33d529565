using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Hashing;
using OpenGradient.Ethereum.Signing;
using OpenGradient.Ethereum.TypedData;

namespace OpenGradient.Ethereum.Tests.TypedData;

/// <summary>EIP-712's "Mail" example with the hashes and signature the EIP publishes.</summary>
public sealed class TypedDataTests
{
    private const string MailJson = """
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" },
              { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" },
              { "name": "verifyingContract", "type": "address" }
            ],
            "Person": [
              { "name": "name", "type": "string" },
              { "name": "wallet", "type": "address" }
            ],
            "Mail": [
              { "name": "from", "type": "Person" },
              { "name": "to", "type": "Person" },
              { "name": "contents", "type": "string" }
            ]
          },
          "primaryType": "Mail",
          "domain": {
            "name": "Ether Mail",
            "version": "1",
            "chainId": 1,
            "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
          },
          "message": {
            "from": { "name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            "to": { "name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
            "contents": "Hello, Bob!"
          }
        }
        """;

    private static readonly EthKey Cow = EthKey.FromPrivateKey(Keccak256.Hash("cow"));

    [Test]
    public void EncodeType_Mail_MatchesEip712()
    {
        Eip712TypedData mail = Eip712TypedData.Parse(MailJson);

        Assert.That(mail.EncodeType("Mail"), Is.EqualTo("Mail(Person from,Person to,string contents)Person(string name,address wallet)"));
        Assert.That(Hex.Encode(mail.HashType("Mail")), Is.EqualTo("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2"));
    }

    [Test]
    public void GetDomainSeparator_Mail_MatchesEip712()
    {
        Eip712TypedData mail = Eip712TypedData.Parse(MailJson);

        Assert.That(Hex.Encode(mail.GetDomainSeparator()), Is.EqualTo("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f"));
    }

    [Test]
    public void HashStruct_MailMessage_MatchesEip712()
    {
        Eip712TypedData mail = Eip712TypedData.Parse(MailJson);

        Assert.That(Hex.Encode(mail.HashStruct("Mail", mail.Message)), Is.EqualTo("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e"));
    }

    [Test]
    public void Hash_Mail_MatchesEip712()
    {
        Eip712TypedData mail = Eip712TypedData.Parse(MailJson);

        Assert.That(Hex.Encode(mail.Hash()), Is.EqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"));
    }

    [Test]
    public void Sign_MailWithCowKey_MatchesEip712Signature()
    {
        Eip712TypedData mail = Eip712TypedData.Parse(MailJson);

        EthSignature signature = mail.Sign(Cow);

        Assert.That(Cow.Address.ToString(), Is.EqualTo("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
        Assert.That(signature.V, Is.EqualTo(28));
        Assert.That(Hex.Encode(signature.R), Is.EqualTo("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"));
        Assert.That(Hex.Encode(signature.S), Is.EqualTo("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"));
        Assert.That(mail.RecoverAddress(signature), Is.EqualTo(Cow.Address));
    }

    [Test]
    public void Hash_DomainTypeImpliedFromDomain_EqualsExplicitDomainType()
    {
        JsonObject json = JsonNode.Parse(MailJson)!.AsObject();
        json["types"]!.AsObject().Remove("EIP712Domain");

        Eip712TypedData implied = Eip712TypedData.Parse(json.ToJsonString());

        Assert.That(Hex.Encode(implied.Hash()), Is.EqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"));
    }

    [Test]
    public void Hash_ProgrammaticModel_EqualsParsedJson()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Person"] = [new("name", "string"), new("wallet", "address")],
            ["Mail"] = [new("from", "Person"), new("to", "Person"), new("contents", "string")],
        };
        var domain = new TypedDataDomain
        {
            Name = "Ether Mail",
            Version = "1",
            ChainId = 1,
            VerifyingContract = OpenGradient.Ethereum.Primitives.Address.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"),
        };
        JsonNode message = JsonNode.Parse(MailJson)!["message"]!;

        var data = new Eip712TypedData(domain, types, "Mail", message);

        Assert.That(Hex.Encode(data.Hash()), Is.EqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"));
    }

    [Test]
    public void EncodeType_DependenciesAreSortedByNameAndCyclesTerminate()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Root"] = [new("z", "Zeta"), new("a", "Alpha[]"), new("m", "Mid[2]")],
            ["Zeta"] = [new("x", "uint8")],
            ["Alpha"] = [new("back", "Root[]")],
            ["Mid"] = [new("b", "bytes")],
        };

        var data = new Eip712TypedData(new TypedDataDomain { Name = "x" }, types, "Root", new JsonObject());

        Assert.That(
            data.EncodeType("Root"),
            Is.EqualTo("Root(Zeta z,Alpha[] a,Mid[2] m)Alpha(Root[] back)Mid(bytes b)Zeta(uint8 x)"));
        Assert.That(data.EncodeType("Alpha"), Is.EqualTo("Alpha(Root[] back)Mid(bytes b)Root(Zeta z,Alpha[] a,Mid[2] m)Zeta(uint8 x)"));
    }

    [Test]
    public void Hash_PrimaryTypeIsDomain_HashesDomainOnly()
    {
        JsonObject json = JsonNode.Parse(MailJson)!.AsObject();
        json["primaryType"] = "EIP712Domain";
        Eip712TypedData data = Eip712TypedData.Parse(json.ToJsonString());

        byte[] expected = Keccak256.Hash([0x19, 0x01, .. data.GetDomainSeparator()]);

        Assert.That(data.Hash(), Is.EqualTo(expected));
    }

    [Test]
    public void Hash_ArraysAndAtomicTypes_AreAcceptedInEveryJsonForm()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["T"] = [new("u", "uint256"), new("i", "int8"), new("b", "bytes4"), new("flags", "bool[]"), new("grid", "uint16[2][]")],
        };
        JsonNode decimalForm = JsonNode.Parse("""{ "u": "255", "i": -128, "b": "0x01020304", "flags": [true, false], "grid": [[1, 2], [3, 4]] }""")!;
        JsonNode hexForm = JsonNode.Parse("""{ "u": "0xff", "i": "-128", "b": "0x01020304", "flags": [true, false], "grid": [["0x1", 2], [3, "4"]] }""")!;
        var domain = new TypedDataDomain { ChainId = 31337 };

        byte[] a = new Eip712TypedData(domain, types, "T", decimalForm).Hash();
        byte[] b = new Eip712TypedData(domain, types, "T", hexForm).Hash();

        Assert.That(b, Is.EqualTo(a));
    }
}
