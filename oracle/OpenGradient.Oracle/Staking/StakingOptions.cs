namespace OpenGradient.Oracle.Staking;

/// <summary>Stake the node keeps on its own (section <c>Staking</c>).</summary>
public sealed class StakingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Staking";

    /// <summary>
    /// When above zero, at start the node tops its active stake up to this many whole OPG (approving the staking
    /// contract and staking the difference from its own balance). Zero (the default) leaves staking to the operator
    /// (<c>OpenGradient.Oracle stake --amount N</c>).
    /// </summary>
    public decimal EnsureStakeOpg { get; set; }
}
