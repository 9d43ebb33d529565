namespace OpenGradient.Ethereum.JsonRpc;

/// <summary>Settings of a <see cref="JsonRpcClient"/>.</summary>
public sealed class JsonRpcClientOptions
{
    /// <summary>Retries and per-attempt timeout.</summary>
    public RpcResilienceOptions Resilience { get; set; } = new();

    /// <summary>How often <see cref="JsonRpcClient.WaitForReceiptAsync"/> polls for a receipt.</summary>
    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long <see cref="JsonRpcClient.WaitForReceiptAsync"/> waits before giving up, unless told otherwise.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Checks the values; called when a client is created.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Resilience);
        Resilience.Validate();
        if (ReceiptPollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReceiptPollInterval), ReceiptPollInterval, "ReceiptPollInterval must be positive.");
        }

        if (ReceiptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReceiptTimeout), ReceiptTimeout, "ReceiptTimeout must be positive.");
        }
    }
}
