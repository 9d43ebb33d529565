namespace OpenGradient.Ethereum.Abi;

/// <summary>The kinds of Solidity ABI types.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uint8</c> … <c>uint256</c>; value: <see cref="System.Numerics.BigInteger"/>.</summary>
    UInt,

    /// <summary><c>int8</c> … <c>int256</c>; value: <see cref="System.Numerics.BigInteger"/>.</summary>
    Int,

    /// <summary><c>address</c>; value: <see cref="Primitives.Address"/>.</summary>
    Address,

    /// <summary><c>bool</c>; value: <see cref="bool"/>.</summary>
    Bool,

    /// <summary><c>bytes1</c> … <c>bytes32</c>; value: a <see cref="byte"/> array of exactly that length.</summary>
    FixedBytes,

    /// <summary><c>bytes</c>; value: a <see cref="byte"/> array.</summary>
    Bytes,

    /// <summary><c>string</c>; value: <see cref="string"/> (UTF-8 on the wire).</summary>
    String,

    /// <summary><c>T[]</c>; value: <c>object?[]</c> of element values.</summary>
    Array,

    /// <summary><c>T[k]</c>; value: <c>object?[]</c> of exactly k element values.</summary>
    FixedArray,

    /// <summary><c>(T1,T2,…)</c>; value: <c>object?[]</c> of component values in order.</summary>
    Tuple,
}
