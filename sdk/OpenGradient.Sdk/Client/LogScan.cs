using OpenGradient.Ethereum.JsonRpc;

namespace OpenGradient.Sdk;

/// <summary>What one <see cref="LogRangeReader.ReadAsync"/> found.</summary>
/// <param name="Logs">The matching logs, removed ones left out, ordered by block and log index.</param>
/// <param name="LatestBlock">The node's latest block when the scan began: the last block it read, or the head it found the start past.</param>
internal sealed record LogScan(IReadOnlyList<Log> Logs, ulong LatestBlock);
