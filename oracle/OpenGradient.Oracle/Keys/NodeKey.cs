using OpenGradient.Ethereum.Primitives;
using OpenGradient.Ethereum.Signing;

namespace OpenGradient.Oracle.Keys;

/// <summary>The node's signing key, loaded once at start (see <see cref="NodeKeyLoader"/>).</summary>
internal sealed class NodeKey
{
    public NodeKey(EthKey key, NodeKeySource source)
    {
        Key = key;
        Source = source;
    }

    /// <summary>The key that signs every transaction of this node.</summary>
    public EthKey Key { get; }

    /// <summary>The node's address (its operator identity on chain).</summary>
    public Address Address => Key.Address;

    /// <summary>Where the key came from.</summary>
    public NodeKeySource Source { get; }
}
