using System.Text.Json.Nodes;
using NUnit.Framework;
using OpenGradient.Ethereum.TypedData;

namespace OpenGradient.Ethereum.Tests.TypedData;

public sealed class TypedDataErrorTests
{
    private static readonly TypedDataDomain Domain = new() { Name = "Test", ChainId = 1 };

    [TestCase("uint8", "256", "'message.v' is 256, which is out of range for uint8")]
    [TestCase("uint256", "-1", "out of range for uint256")]
    [TestCase("int8", "128", "out of range for int8")]
    [TestCase("uint256", "\"1e18\"", "not a whole number")]
    [TestCase("uint256", "true", "must be a number")]
    [TestCase("bool", "1", "must be true or false")]
    [TestCase("bytes4", "\"0x010203\"", "has 3 bytes where exactly 4")]
    [TestCase("bytes", "\"0102\"", "0x-prefixed hex")]
    [TestCase("address", "\"0x1234\"", "not a 20-byte hex address")]
    [TestCase("string", "5", "must be a JSON string")]
    [TestCase("uint8[2]", "[1]", "has 1 elements where exactly 2")]
    [TestCase("uint8[]", "7", "must be a JSON array")]
    public void Hash_BadValue_ThrowsTypedDataExceptionNamingPath(string type, string valueJson, string message)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("v", type)] };
        var data = new Eip712TypedData(Domain, types, "T", JsonNode.Parse($"{{ \"v\": {valueJson} }}")!);

        var ex = Assert.Throws<TypedDataException>(() => data.Hash());

        Assert.That(ex!.Message, Does.Contain(message));
        Assert.That(ex.Message, Does.Contain("message.v"));
    }

    [Test]
    public void Hash_MissingNestedField_ThrowsTypedDataExceptionNamingPath()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Outer"] = [new("inner", "Inner[]")],
            ["Inner"] = [new("x", "uint8"), new("y", "uint8")],
        };
        var data = new Eip712TypedData(Domain, types, "Outer", JsonNode.Parse("""{ "inner": [{ "x": 1, "y": 2 }, { "x": 1 }] }""")!);

        var ex = Assert.Throws<TypedDataException>(() => data.Hash());

        Assert.That(ex!.Message, Does.StartWith("Value 'message.inner[1].y' (uint8) is missing"));
    }

    [TestCase("Missing", "'Missing' is neither a built-in type nor defined")]
    [TestCase("uint7", "'uint7' is neither a built-in type nor defined")]
    [TestCase("bytes33", "'bytes33' is neither")]
    [TestCase("uint8[0]", "invalid fixed array length")]
    [TestCase("uint8[x]", "invalid fixed array length")]
    public void Constructor_UndefinedOrInvalidFieldType_ThrowsTypedDataException(string type, string message)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("v", type)] };

        var ex = Assert.Throws<TypedDataException>(() => _ = new Eip712TypedData(Domain, types, "T", new JsonObject()));

        Assert.That(ex!.Message, Does.Contain(message));
    }

    [Test]
    public void Constructor_UndefinedPrimaryType_ThrowsTypedDataException()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new("v", "uint8")] };

        var ex = Assert.Throws<TypedDataException>(() => _ = new Eip712TypedData(Domain, types, "U", new JsonObject()));

        Assert.That(ex!.Message, Does.StartWith("primaryType 'U' is not defined"));
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("""{ "primaryType": "T", "domain": {}, "message": {} }""")]
    [TestCase("""{ "types": { "T": [] }, "domain": {}, "message": {} }""")]
    [TestCase("""{ "types": { "T": [] }, "primaryType": "T", "message": {} }""")]
    [TestCase("""{ "types": { "T": [] }, "primaryType": "T", "domain": {} }""")]
    [TestCase("""{ "types": { "T": [{ "name": "a" }] }, "primaryType": "T", "domain": {}, "message": {} }""")]
    [TestCase("""{ "types": { "T": [] }, "primaryType": "T", "domain": { "chainId": "one" }, "message": {} }""")]
    [TestCase("""{ "types": { "T": [] }, "primaryType": "T", "domain": { "verifyingContract": "0x12" }, "message": {} }""")]
    public void Parse_MalformedTypedData_ThrowsTypedDataException(string json)
    {
        Assert.Throws<TypedDataException>(() => Eip712TypedData.Parse(json));
    }
}
