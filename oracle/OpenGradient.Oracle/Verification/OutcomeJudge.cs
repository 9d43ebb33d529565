using OpenGradient.Inference.Tensors;
using OpenGradient.Oracle.Execution;
using OpenGradient.Oracle.Jobs;

namespace OpenGradient.Oracle.Verification;

/// <summary>
/// Judges a posted outcome by re-executing the job honestly (docs/oracle.md, "Verification rules"):
/// <list type="bullet">
/// <item>a posted result is valid when it decodes and agrees with this node's result within the model's tolerance
/// (docs/protocol.md section 3); it is invalid when it does not, or when the job cannot produce a result here
/// because the input is bad or the output non-finite;</item>
/// <item>a posted failure is valid when this node fails with the same on-chain code; it is invalid when this node
/// gets a result or a different input/output failure. A <c>ModelUnavailable</c> claim is never called invalid:
/// availability can differ between nodes and moments, so the benefit of the doubt goes to the executor;</item>
/// <item>when this node cannot obtain the model itself, it cannot tell.</item>
/// </list>
/// </summary>
internal sealed class OutcomeJudge(InferenceRunner runner)
{
    public async Task<Judgement> JudgeAsync(JobRecord job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var local = await runner.RunAsync(job.ModelId, job.Input, cancellationToken).ConfigureAwait(false);
        if (!local.IsSuccess && local.FailureCode == HubFailureCode.ModelUnavailable)
        {
            return job.Output is null && job.FailureCode == HubFailureCode.ModelUnavailable
                ? new Judgement(Verdict.Valid, "the model is unavailable here too")
                : new Judgement(Verdict.Unknown, $"cannot obtain the model here: {local.Message}");
        }

        if (job.Output is not null)
        {
            return JudgeResult(job.Output, local);
        }

        if (job.FailureCode == HubFailureCode.ModelUnavailable)
        {
            return new Judgement(Verdict.Valid, "a ModelUnavailable claim is not disputed (availability differs between nodes)");
        }

        if (local.IsSuccess)
        {
            return new Judgement(Verdict.Invalid, $"failure code {job.FailureCode} posted, but the job runs here and gives a result");
        }

        return local.FailureCode == job.FailureCode
            ? new Judgement(Verdict.Valid, $"the same failure here ({local.Reason})")
            : new Judgement(Verdict.Invalid, $"failure code {job.FailureCode} posted, but here it fails with code {local.FailureCode} ({local.Reason})");
    }

    private static Judgement JudgeResult(byte[] postedBytes, RunOutcome local)
    {
        if (!local.IsSuccess)
        {
            return new Judgement(Verdict.Invalid, $"a result was posted, but the job cannot produce one: {local.Reason} ({local.Message})");
        }

        TensorList posted;
        try
        {
            posted = TensorList.Decode(postedBytes);
        }
        catch (TensorCodecException e)
        {
            return new Judgement(Verdict.Invalid, $"the posted output is not canonical: {e.Message}");
        }

        var verdict = ToleranceComparer.Compare(local.Outputs!, posted, local.Terms!.Tolerance);
        return verdict.Agrees
            ? new Judgement(Verdict.Valid, $"within tolerance {local.Terms.Tolerance} (max difference {verdict.MaxDifference})")
            : new Judgement(Verdict.Invalid, verdict.StructuralMismatch ?? $"outside tolerance {local.Terms.Tolerance} (max difference {verdict.MaxDifference})");
    }
}
