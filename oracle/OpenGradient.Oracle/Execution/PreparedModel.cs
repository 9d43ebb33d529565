using OpenGradient.Inference;
using OpenGradient.Inference.Execution;
using OpenGradient.Oracle.Jobs;

namespace OpenGradient.Oracle.Execution;

/// <summary>A model made ready to run (terms read, bytes fetched and checked, session loaded), or why not.</summary>
internal sealed record PreparedModel(ModelId ModelId, ModelTerms? Terms, FailureReason Reason, string Message)
{
    public bool IsReady => Reason == FailureReason.None && Terms is not null;
}
