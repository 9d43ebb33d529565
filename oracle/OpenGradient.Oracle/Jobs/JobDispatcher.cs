using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenGradient.Contracts;
using OpenGradient.Oracle.Keys;
using OpenGradient.Oracle.Ops;
using OpenGradient.Oracle.Verification;

namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// Applies each confirmed hub event to the job store, then routes the work it creates: a job assigned to this
/// node → the pipeline; a result or failure posted by another node (and sampled) → the verifier; a dispute whose
/// committee includes this node → the dispute duties. The store write comes first and is idempotent, so the
/// caller may acknowledge the event's block as soon as this returns, and a replayed event changes nothing.
/// </summary>
internal sealed class JobDispatcher
{
    private readonly JobStore _store;
    private readonly JobPipeline _pipeline;
    private readonly ResultVerifier _verifier;
    private readonly DisputeDuties _disputes;
    private readonly NodeKey _key;
    private readonly VerificationOptions _verification;
    private readonly OracleMetrics _metrics;
    private readonly ILogger<JobDispatcher> _log;

    public JobDispatcher(
        JobStore store,
        JobPipeline pipeline,
        ResultVerifier verifier,
        DisputeDuties disputes,
        NodeKey key,
        IOptions<VerificationOptions> verification,
        OracleMetrics metrics,
        ILogger<JobDispatcher> log)
    {
        _store = store;
        _pipeline = pipeline;
        _verifier = verifier;
        _disputes = disputes;
        _key = key;
        _verification = verification.Value;
        _metrics = metrics;
        _log = log;
    }

    public async ValueTask ApplyAsync(HubEvent hubEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hubEvent);
        var self = _key.Address;
        switch (hubEvent)
        {
            case JobRequested requested:
                var mine = requested.Executor == self;
                if (_store.AddRequested(requested, mine) && mine)
                {
                    JobsLog.Assigned(_log, requested.JobId);
                    await _pipeline.EnqueueAsync(requested.JobId, cancellationToken).ConfigureAwait(false);
                }

                break;

            case ResultPosted result:
                await RecordOutcomeAsync(result.JobId, result.Executor == self, JobStatus.Submitted, result.Output, 0, result.ChallengeDeadline, cancellationToken).ConfigureAwait(false);
                break;

            case FailurePosted failure:
                await RecordOutcomeAsync(failure.JobId, failure.Executor == self, JobStatus.FailureReported, null, failure.Reason, failure.ChallengeDeadline, cancellationToken).ConfigureAwait(false);
                break;

            case DisputeStarted dispute:
                _store.SetChainStatus(dispute.JobId, JobStatus.Disputed);
                var member = false;
                foreach (var address in dispute.Committee)
                {
                    member |= address == self;
                }

                if (member)
                {
                    _store.AddVote(dispute.JobId, dispute.CommitDeadline, dispute.RevealDeadline);
                    _disputes.Wake();
                }
                else if (dispute.Challenger == self)
                {
                    // Not a voter, but the challenger wants the dispute resolved once the reveal phase ends.
                    _store.AddVote(dispute.JobId, dispute.CommitDeadline, dispute.RevealDeadline, VoteStage.Revealed);
                }

                break;

            case DisputeEnded ended:
                var job = _store.GetJob(ended.JobId);
                _store.SetChainStatus(ended.JobId, ended.NewStatus);
                _store.AdvanceVote(ended.JobId, VoteStage.Done);
                if (job is not null && (DisputeOutcome)ended.Outcome is DisputeOutcome.Upheld or DisputeOutcome.Overturned)
                {
                    var overturned = (DisputeOutcome)ended.Outcome == DisputeOutcome.Overturned;
                    if (job.Executor == self)
                    {
                        _metrics.DisputesTotal.WithLabels(overturned ? "lost" : "won").Inc();
                    }
                    else if (job.VerificationStage == VerificationStage.Challenged)
                    {
                        _metrics.DisputesTotal.WithLabels(overturned ? "won" : "lost").Inc();
                    }
                }

                break;

            case JobSettled settled:
                _store.SetChainStatus(settled.JobId, settled.NewStatus);
                break;
        }

        JobsLog.EventApplied(_log, hubEvent.JobId, hubEvent.GetType().Name);
    }

    private async ValueTask RecordOutcomeAsync(ulong jobId, bool mine, JobStatus status, byte[]? output, byte failureCode, ulong challengeDeadline, CancellationToken cancellationToken)
    {
        var verify = !mine && VerificationSampler.IsSampled(jobId, _key.Address, _verification.SampleShare);
        if (!_store.RecordOutcome(jobId, status, output, failureCode, challengeDeadline, verify))
        {
            JobsLog.UnknownJob(_log, jobId, status.ToString());
            return;
        }

        if (verify)
        {
            await _verifier.EnqueueAsync(jobId, cancellationToken).ConfigureAwait(false);
        }
    }
}
