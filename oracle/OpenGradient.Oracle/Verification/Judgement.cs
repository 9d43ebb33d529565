namespace OpenGradient.Oracle.Verification;

/// <summary>A verdict and why.</summary>
internal sealed record Judgement(Verdict Verdict, string Reason);
