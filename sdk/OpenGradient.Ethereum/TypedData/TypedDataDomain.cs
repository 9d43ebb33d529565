using System.Numerics;
using System.Text.Json.Nodes;
using OpenGradient.Ethereum.Encoding;
using OpenGradient.Ethereum.Primitives;

namespace OpenGradient.Ethereum.TypedData;

/// <summary>
/// The EIP-712 domain. Only the fields that are set take part in the domain separator, in the
/// standard order name, version, chainId, verifyingContract, salt (unless the typed data declares
/// its own <c>EIP712Domain</c> type).
/// </summary>
public sealed record TypedDataDomain
{
    /// <summary>The signing domain's name (e.g. the dapp or protocol).</summary>
    public string? Name { get; init; }

    /// <summary>The domain's current major version.</summary>
    public string? Version { get; init; }

    /// <summary>The EIP-155 chain id.</summary>
    public BigInteger? ChainId { get; init; }

    /// <summary>The contract that will verify the signature.</summary>
    public Address? VerifyingContract { get; init; }

    /// <summary>A 32-byte disambiguating salt (an array rather than a memory, so a null array really means "no salt").</summary>
    public byte[]? Salt { get; init; }

    /// <summary>The implied <c>EIP712Domain</c> type: one field per set property, in the standard order.</summary>
    public IReadOnlyList<TypedDataField> GetImpliedType()
    {
        var fields = new List<TypedDataField>(5);
        if (Name is not null)
        {
            fields.Add(new TypedDataField("name", "string"));
        }

        if (Version is not null)
        {
            fields.Add(new TypedDataField("version", "string"));
        }

        if (ChainId is not null)
        {
            fields.Add(new TypedDataField("chainId", "uint256"));
        }

        if (VerifyingContract is not null)
        {
            fields.Add(new TypedDataField("verifyingContract", "address"));
        }

        if (Salt is not null)
        {
            fields.Add(new TypedDataField("salt", "bytes32"));
        }

        return fields;
    }

    /// <summary>The domain as the JSON object of the standard typed-data form.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Name is not null)
        {
            json["name"] = Name;
        }

        if (Version is not null)
        {
            json["version"] = Version;
        }

        if (ChainId is { } chainId)
        {
            json["chainId"] = chainId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (VerifyingContract is { } contract)
        {
            json["verifyingContract"] = contract.ToString();
        }

        if (Salt is { } salt)
        {
            json["salt"] = Hex.Encode(salt);
        }

        return json;
    }
}
