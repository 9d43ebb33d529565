namespace OpenGradient.Oracle.Testing;

/// <summary>
/// Dishonesty switches for tests and the devnet only (section <c>Testing</c>). The node refuses to start with
/// any of them on unless <c>Chain:ChainId</c> is the local 31337.
/// </summary>
public sealed class TestingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Testing";

    /// <summary>Post results perturbed beyond the model's tolerance (a lying executor). Command line: <c>--testing-corrupt-results</c>.</summary>
    public bool CorruptResults { get; set; }

    /// <summary>Challenge every sampled result, right or wrong (a lying challenger).</summary>
    public bool ChallengeHonestResults { get; set; }

    /// <summary>True when any dishonesty switch is on.</summary>
    public bool AnyDishonesty => CorruptResults || ChallengeHonestResults;
}
