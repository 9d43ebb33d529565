namespace OpenGradient.Oracle.Keys;

/// <summary>Where the node's key came from.</summary>
internal enum NodeKeySource
{
    /// <summary>An encrypted keystore v3 file.</summary>
    Keystore,

    /// <summary>A raw development key (local chain only).</summary>
    DevPrivateKey,
}
