namespace OpenGradient.Oracle.Chain;

/// <summary>A confirmed block the watcher has handled: its number, hash and parent hash (0x-hex, lower case).</summary>
internal sealed record StoredBlock(ulong Number, string Hash, string ParentHash);
