using OpenGradient.Oracle.Storage;

namespace OpenGradient.Oracle.Jobs;

/// <summary>Creates the job and vote tables (<see cref="JobStore.Schema"/>).</summary>
internal sealed class JobsMigration : SqlMigration
{
    public override string Id => "jobs-0001-jobs-votes";

    protected override string Sql => JobStore.Schema;
}
