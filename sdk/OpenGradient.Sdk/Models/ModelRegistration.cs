using System.Numerics;

namespace OpenGradient.Sdk;

/// <summary>The on-chain terms of a model being registered.</summary>
public sealed class ModelRegistration
{
    /// <summary>OPG wei paid to the owner per finalized job.</summary>
    public BigInteger FeePerJob { get; init; }

    /// <summary>Fixed-point decimals of the model's float outputs (0..18).</summary>
    public int OutputDecimals { get; init; } = 6;

    /// <summary>Verification tolerance in quantized units of <see cref="OutputDecimals"/>.</summary>
    public ulong Tolerance { get; init; }

    /// <summary>
    /// Where nodes fetch the file (<c>file://</c>, <c>http://127.0.0.1…</c>, <c>cas:&lt;sha256&gt;</c>); default the
    /// <c>file://</c> URI of its copy in the client's content-addressed store.
    /// </summary>
    public string? Uri { get; init; }
}
