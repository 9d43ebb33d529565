namespace OpenGradient.Ethereum.TypedData;

/// <summary>One member of an EIP-712 struct type: its name and its type (e.g. <c>address</c>, <c>Person[]</c>).</summary>
/// <param name="Name">The member name.</param>
/// <param name="Type">The member type: an atomic type, <c>string</c>, <c>bytes</c>, a struct name, or an array of any of these.</param>
public sealed record TypedDataField(string Name, string Type);
