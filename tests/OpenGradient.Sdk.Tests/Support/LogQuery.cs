namespace OpenGradient.Sdk.Tests;

/// <summary>
/// One <c>eth_getLogs</c> a <see cref="RangeLimitedRpcProxy"/> received: its block range and its topic filter, per
/// position the values any one of which matches (null where the position matches anything).
/// </summary>
internal sealed record LogQuery(ulong From, ulong To, IReadOnlyList<IReadOnlyList<string>?> Topics);
