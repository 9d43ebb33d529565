using NUnit.Framework;
using OpenGradient.Ethereum.Abi;

namespace OpenGradient.Ethereum.Tests.Abi;

public sealed class AbiTypeTests
{
    [TestCase("uint8", "uint8", false, 32)]
    [TestCase("uint", "uint256", false, 32)]
    [TestCase("int", "int256", false, 32)]
    [TestCase("int136", "int136", false, 32)]
    [TestCase("address", "address", false, 32)]
    [TestCase("bool", "bool", false, 32)]
    [TestCase("byte", "bytes1", false, 32)]
    [TestCase("bytes32", "bytes32", false, 32)]
    [TestCase("bytes", "bytes", true, 0)]
    [TestCase("string", "string", true, 0)]
    [TestCase("uint32[3]", "uint32[3]", false, 96)]
    [TestCase("uint32[3][2]", "uint32[3][2]", false, 192)]
    [TestCase("uint32[][2]", "uint32[][2]", true, 0)]
    [TestCase("string[2]", "string[2]", true, 0)]
    [TestCase("(uint256,address)", "(uint256,address)", false, 64)]
    [TestCase("tuple(uint256 a, bytes b)[]", "(uint256,bytes)[]", true, 0)]
    [TestCase(" ( uint256 a , (bool x, int8[2] y)[3] nested ) ", "(uint256,(bool,int8[2])[3])", false, 32 + (3 * 96))]
    [TestCase("(string name, uint8 elementType, uint8 decimals, uint32[] shape, int256[] values)[]", "(string,uint8,uint8,uint32[],int256[])[]", true, 0)]
    public void Parse_ValidTypeString_GivesCanonicalNameAndLayout(string text, string canonical, bool dynamic, int staticSize)
    {
        AbiType type = AbiType.Parse(text);

        Assert.That(type.CanonicalName, Is.EqualTo(canonical));
        Assert.That(type.IsDynamic, Is.EqualTo(dynamic));
        Assert.That(type.StaticSize, Is.EqualTo(staticSize));
        Assert.That(AbiType.Parse(canonical), Is.EqualTo(type));
    }

    [Test]
    public void Parse_TupleWithNames_KeepsComponentNames()
    {
        AbiType type = AbiType.Parse("(uint256 jobId, (string name, uint32[] shape)[] tensors)");

        Assert.That(type.Components[0].Name, Is.EqualTo("jobId"));
        Assert.That(type.Components[1].Name, Is.EqualTo("tensors"));
        Assert.That(type.Components[1].Type.Element!.Components[1].Name, Is.EqualTo("shape"));
    }

    [TestCase("uint7")]
    [TestCase("uint264")]
    [TestCase("uint08")]
    [TestCase("int0")]
    [TestCase("bytes0")]
    [TestCase("bytes33")]
    [TestCase("fixed128x18")]
    [TestCase("uint256[0]")]
    [TestCase("uint256[01]")]
    [TestCase("uint256[")]
    [TestCase("uint256[x]")]
    [TestCase("()")]
    [TestCase("(uint256")]
    [TestCase("(uint256,)")]
    [TestCase("(uint256 a b)")]
    [TestCase("uint256 extra")]
    [TestCase("")]
    [TestCase("address indexed")]
    public void Parse_InvalidTypeString_ThrowsAbiFormatException(string text)
    {
        Assert.Throws<AbiFormatException>(() => AbiType.Parse(text));
    }

    [Test]
    public void ParameterParse_IndexedEventField_IsIndexedAndNamed()
    {
        AbiParameter p = AbiParameter.Parse("address indexed from");

        Assert.That(p.Indexed, Is.True);
        Assert.That(p.Name, Is.EqualTo("from"));
        Assert.That(p.Type, Is.EqualTo(AbiType.Address));
    }

    [Test]
    public void ParameterParse_DataLocationAndPayable_AreIgnored()
    {
        Assert.That(AbiParameter.Parse("bytes calldata data").Name, Is.EqualTo("data"));
        Assert.That(AbiParameter.Parse("address payable to").Type, Is.EqualTo(AbiType.Address));
    }
}
