namespace OpenGradient.Oracle.Jobs;

/// <summary>What the registry says about a model: where to fetch it, its output decimals and verification tolerance.</summary>
internal sealed record ModelTerms(string Uri, int OutputDecimals, ulong Tolerance);
