using System.Text.Json;

namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>
/// Which block a state query reads: a tag (<c>latest</c>, <c>pending</c>, <c>safe</c>, <c>finalized</c>,
/// <c>earliest</c>), a block number, or a block hash (EIP-1898). Converts implicitly from a block number;
/// the default value is <see cref="Latest"/>.
/// </summary>
public readonly struct BlockParameter : IEquatable<BlockParameter>
{
    private readonly Kind _kind;
    private readonly string? _text;
    private readonly ulong _number;

    private BlockParameter(Kind kind, string? text, ulong number)
    {
        _kind = kind;
        _text = text;
        _number = number;
    }

    private enum Kind
    {
        Latest = 0,
        Tag,
        Number,
        Hash,
    }

    /// <summary>The most recent mined block.</summary>
    public static BlockParameter Latest => default;

    /// <summary>The pending state: mined state plus the node's pending transactions.</summary>
    public static BlockParameter Pending => new(Kind.Tag, "pending", 0);

    /// <summary>The genesis block.</summary>
    public static BlockParameter Earliest => new(Kind.Tag, "earliest", 0);

    /// <summary>The most recent block that is safe from reorgs under honest-majority assumptions.</summary>
    public static BlockParameter Safe => new(Kind.Tag, "safe", 0);

    /// <summary>The most recent finalized block.</summary>
    public static BlockParameter Finalized => new(Kind.Tag, "finalized", 0);

    /// <summary>The block number, when this parameter names one by number.</summary>
    public ulong? BlockNumber => _kind == Kind.Number ? _number : null;

    /// <summary>The block hash (lower-case 0x-hex), when this parameter names one by hash.</summary>
    public string? BlockHash => _kind == Kind.Hash ? _text : null;

    /// <summary>The block with this number.</summary>
    public static BlockParameter Number(ulong number) => new(Kind.Number, null, number);

    /// <summary>The block with this 32-byte hash (0x-hex).</summary>
    /// <exception cref="Encoding.HexFormatException">The hash is not 32 bytes of hex.</exception>
    public static BlockParameter Hash(string blockHash) => new(Kind.Hash, Encoding.Hex.Encode(Encoding.Hex.Decode(blockHash, 32)), 0);

    /// <summary>The block with this number (the named form of the implicit conversion).</summary>
    public static BlockParameter FromUInt64(ulong number) => Number(number);

    public static implicit operator BlockParameter(ulong number) => Number(number);

    public static bool operator ==(BlockParameter left, BlockParameter right) => left.Equals(right);

    public static bool operator !=(BlockParameter left, BlockParameter right) => !left.Equals(right);

    /// <summary>The JSON-RPC form: a tag, a 0x-quantity, or the EIP-1898 object <c>{"blockHash": …}</c>.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        if (_kind == Kind.Hash)
        {
            writer.WriteStartObject();
            writer.WriteString("blockHash", _text);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringValue(ToString());
        }
    }

    /// <inheritdoc />
    public override string ToString() => _kind switch
    {
        Kind.Latest => "latest",
        Kind.Number => RpcValues.Quantity(_number),
        _ => _text!,
    };

    /// <inheritdoc />
    public bool Equals(BlockParameter other) => _kind == other._kind && _number == other._number && _text == other._text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BlockParameter other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _number, _text);
}
