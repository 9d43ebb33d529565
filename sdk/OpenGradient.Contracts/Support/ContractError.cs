namespace OpenGradient.Contracts;

/// <summary>
/// A decoded Solidity custom error of a bound contract. Each generated error record (e.g.
/// <see cref="ERC20InsufficientAllowanceError"/>) derives from it and carries the error's values.
/// </summary>
public abstract record ContractError
{
    /// <summary>The canonical signature, e.g. <c>JobNotFound(uint256)</c>.</summary>
    public abstract string Signature { get; }

    /// <summary>The error's name, e.g. <c>JobNotFound</c>.</summary>
    public string Name => Signature[..Signature.IndexOf('(', StringComparison.Ordinal)];
}
