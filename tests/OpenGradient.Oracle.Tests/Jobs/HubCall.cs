namespace OpenGradient.Oracle.Tests.Jobs;

/// <summary>One transaction the fake hub received.</summary>
internal sealed record HubCall(string Function, string Key, ulong JobId)
{
    public byte[]? Output { get; init; }

    public byte FailureCode { get; init; }

    public byte[]? Hash { get; init; }

    public bool? Valid { get; init; }

    public IReadOnlyList<ulong>? JobIds { get; init; }

    public IReadOnlyList<byte[]>? Outputs { get; init; }
}
