namespace OpenGradient.Ethereum.Transactions;

/// <summary>The transaction envelope types this library builds and parses (EIP-2718 type bytes).</summary>
public enum TransactionType : byte
{
    /// <summary>An untyped RLP list: pre-EIP-155 (no chain id) or EIP-155 (chain id folded into v).</summary>
    Legacy = 0,

    /// <summary>EIP-2930: type 0x01, a gas price and an access list.</summary>
    AccessList = 1,

    /// <summary>EIP-1559: type 0x02, a priority fee and a fee cap, and an access list.</summary>
    DynamicFee = 2,
}
