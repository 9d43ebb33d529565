namespace OpenGradient.Oracle.Jobs;

/// <summary>The outcome of a hub transaction.</summary>
/// <param name="Status">Succeeded, reverted or failed.</param>
/// <param name="ErrorName">The hub's custom error name for a revert (e.g. <c>DeadlinePassed</c>); null otherwise.</param>
/// <param name="Detail">A readable explanation for the log.</param>
internal sealed record HubTxResult(HubTxStatus Status, string? ErrorName, string Detail)
{
    public static HubTxResult Success { get; } = new(HubTxStatus.Succeeded, null, "ok");

    public bool Succeeded => Status == HubTxStatus.Succeeded;

    public static HubTxResult Reverted(string errorName, string detail) => new(HubTxStatus.Reverted, errorName, detail);

    public static HubTxResult Failed(string detail) => new(HubTxStatus.Failed, null, detail);
}
