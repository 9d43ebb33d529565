namespace OpenGradient.Oracle.Configuration;

/// <summary>The ops endpoint (section <c>Http</c>): <c>/health</c> and <c>/metrics</c>, always on 127.0.0.1.</summary>
public sealed class HttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Http";

    /// <summary>TCP port on 127.0.0.1; 0 lets the OS pick one (printed in the log).</summary>
    public int Port { get; set; } = 9464;

    /// <summary>Readiness fails when the chain cursor is more than this many blocks behind the confirmed head.</summary>
    public int MaxCursorLagBlocks { get; set; } = 50;

    /// <summary>Readiness fails when the RPC endpoint does not answer within this time.</summary>
    public TimeSpan RpcProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
