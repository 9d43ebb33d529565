namespace OpenGradient.Oracle.Jobs;

/// <summary>How a hub transaction ended.</summary>
internal enum HubTxStatus
{
    /// <summary>Mined with status 1 (and confirmed as configured).</summary>
    Succeeded,

    /// <summary>The hub refused it with a custom error (<see cref="HubTxResult.ErrorName"/>).</summary>
    Reverted,

    /// <summary>It could not be sent or confirmed (RPC down, shutdown); the same key may be tried again.</summary>
    Failed,
}
