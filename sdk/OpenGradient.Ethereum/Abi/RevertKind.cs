namespace OpenGradient.Ethereum.Abi;

/// <summary>What a transaction or call's revert data turned out to be.</summary>
public enum RevertKind
{
    /// <summary>No data: <c>revert()</c>, <c>require(cond)</c> without a message, out of gas, or an invalid opcode.</summary>
    Empty,

    /// <summary><c>Error(string)</c>: <c>require(cond, "message")</c> or <c>revert("message")</c>.</summary>
    Error,

    /// <summary><c>Panic(uint256)</c>: a failed assert, overflow, division by zero, bad array index, ….</summary>
    Panic,

    /// <summary>A custom error found in the given ABI.</summary>
    CustomError,

    /// <summary>Data that matches none of the above (an error not in the ABI, or malformed data).</summary>
    Unknown,
}
