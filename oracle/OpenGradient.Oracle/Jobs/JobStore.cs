using Microsoft.Data.Sqlite;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Inference;
using OpenGradient.Oracle.Storage;
using JobStatus = OpenGradient.Contracts.JobStatus;

namespace OpenGradient.Oracle.Jobs;

/// <summary>
/// The node's durable job state (SQLite tables <c>jobs</c> and <c>votes</c>). Every hub event is applied here
/// before its block is acknowledged to the chain watcher, and every worker derives its pending work from here
/// after a restart, so nothing depends on in-memory queues surviving a crash. Applying an event twice is a no-op.
/// </summary>
internal sealed class JobStore
{
    /// <summary>The migration that creates this feature's tables (idempotent).</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS jobs (
            job_id INTEGER PRIMARY KEY,
            model_id BLOB NOT NULL,
            requester TEXT NOT NULL,
            executor TEXT NOT NULL,
            input BLOB NOT NULL,
            callback_gas_limit INTEGER NOT NULL,
            result_deadline INTEGER NOT NULL,
            chain_status INTEGER NOT NULL,
            output BLOB NULL,
            failure_code INTEGER NOT NULL DEFAULT 0,
            challenge_deadline INTEGER NULL,
            execution_stage INTEGER NOT NULL DEFAULT 0,
            verification_stage INTEGER NOT NULL DEFAULT 0,
            finalize_sent_at INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS jobs_execution ON jobs (execution_stage) WHERE execution_stage IN (1, 2);
        CREATE INDEX IF NOT EXISTS jobs_verification ON jobs (verification_stage) WHERE verification_stage IN (1, 3);
        CREATE INDEX IF NOT EXISTS jobs_open ON jobs (chain_status) WHERE chain_status IN (1, 2, 3, 5);
        CREATE TABLE IF NOT EXISTS votes (
            job_id INTEGER PRIMARY KEY,
            commit_deadline INTEGER NOT NULL,
            reveal_deadline INTEGER NOT NULL,
            stage INTEGER NOT NULL,
            valid INTEGER NULL,
            salt BLOB NULL,
            resolve_attempts INTEGER NOT NULL DEFAULT 0
        );
        """;

    private const string JobColumns =
        "job_id, model_id, requester, executor, input, callback_gas_limit, result_deadline, chain_status, output, failure_code, challenge_deadline, execution_stage, verification_stage, finalize_sent_at";

    private readonly Func<SqliteConnection> _open;
    private readonly Lock _gate = new();

    public JobStore(NodeDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _open = database.Open;
    }

    /// <summary>Records a request. Returns false when the job was already known (a replayed log).</summary>
    public bool AddRequested(JobRequested e, bool assignedToSelf)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Execute(
            """
            INSERT OR IGNORE INTO jobs (job_id, model_id, requester, executor, input, callback_gas_limit, result_deadline, chain_status, execution_stage)
            VALUES ($id, $model, $requester, $executor, $input, $cb, $deadline, 1, $stage)
            """,
            c =>
            {
                c.Parameters.AddWithValue("$id", (long)e.JobId);
                c.Parameters.AddWithValue("$model", e.ModelId.ToArray());
                c.Parameters.AddWithValue("$requester", e.Requester.ToLowerHex());
                c.Parameters.AddWithValue("$executor", e.Executor.ToLowerHex());
                c.Parameters.AddWithValue("$input", e.Input);
                c.Parameters.AddWithValue("$cb", (long)e.CallbackGasLimit);
                c.Parameters.AddWithValue("$deadline", (long)e.ResultDeadline);
                c.Parameters.AddWithValue("$stage", (int)(assignedToSelf ? ExecutionStage.Pending : ExecutionStage.None));
            }) == 1;
    }

    /// <summary>
    /// Records a posted result or failure; <paramref name="verify"/> marks it for re-execution by this node.
    /// Returns false when the job is unknown (requested before this node's start block) or already past this point.
    /// </summary>
    public bool RecordOutcome(ulong jobId, JobStatus status, byte[]? output, byte failureCode, ulong challengeDeadline, bool verify) =>
        Execute(
            """
            UPDATE jobs SET chain_status = $status, output = $output, failure_code = $code, challenge_deadline = $deadline,
                execution_stage = CASE WHEN execution_stage IN (1, 2) THEN 3 ELSE execution_stage END,
                verification_stage = CASE WHEN $verify AND verification_stage = 0 THEN 1 ELSE verification_stage END
            WHERE job_id = $id AND chain_status = 1
            """,
            c =>
            {
                c.Parameters.AddWithValue("$id", (long)jobId);
                c.Parameters.AddWithValue("$status", (int)status);
                c.Parameters.AddWithValue("$output", (object?)output ?? DBNull.Value);
                c.Parameters.AddWithValue("$code", (int)failureCode);
                c.Parameters.AddWithValue("$deadline", (long)challengeDeadline);
                c.Parameters.AddWithValue("$verify", verify);
            }) == 1;

    /// <summary>Moves a job to <paramref name="status"/> (disputes and settlements).</summary>
    public void SetChainStatus(ulong jobId, JobStatus status) =>
        Execute(
            "UPDATE jobs SET chain_status = $status WHERE job_id = $id",
            c =>
            {
                c.Parameters.AddWithValue("$id", (long)jobId);
                c.Parameters.AddWithValue("$status", (int)status);
            });

    /// <summary>
    /// Records a dispute seat: <see cref="VoteStage.Pending"/> when drawn for the committee, or
    /// <see cref="VoteStage.Revealed"/> for a dispute this node only has to resolve (its own challenge).
    /// Returns false when already recorded.
    /// </summary>
    public bool AddVote(ulong jobId, ulong commitDeadline, ulong revealDeadline, VoteStage initial = VoteStage.Pending) =>
        Execute(
            "INSERT OR IGNORE INTO votes (job_id, commit_deadline, reveal_deadline, stage) VALUES ($id, $commit, $reveal, $stage)",
            c =>
            {
                c.Parameters.AddWithValue("$stage", (int)initial);
                c.Parameters.AddWithValue("$id", (long)jobId);
                c.Parameters.AddWithValue("$commit", (long)commitDeadline);
                c.Parameters.AddWithValue("$reveal", (long)revealDeadline);
            }) == 1;

    /// <summary>Stores the decided vote and its salt (before the commit is sent, so a restart can still reveal).</summary>
    public void DecideVote(ulong jobId, bool valid, byte[] salt) =>
        Execute(
            "UPDATE votes SET stage = 1, valid = $valid, salt = $salt WHERE job_id = $id AND stage = 0",
            c =>
            {
                c.Parameters.AddWithValue("$id", (long)jobId);
                c.Parameters.AddWithValue("$valid", valid);
                c.Parameters.AddWithValue("$salt", salt);
            });

    /// <summary>Moves a vote forward (never backwards).</summary>
    public void AdvanceVote(ulong jobId, VoteStage stage) =>
        Execute(
            "UPDATE votes SET stage = $stage WHERE job_id = $id AND stage < $stage",
            c =>
            {
                c.Parameters.AddWithValue("$id", (long)jobId);
                c.Parameters.AddWithValue("$stage", (int)stage);
            });

    /// <summary>Counts one more resolve attempt; returns the new count.</summary>
    public int CountResolveAttempt(ulong jobId)
    {
        lock (_gate)
        {
            using var connection = _open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE votes SET resolve_attempts = resolve_attempts + 1 WHERE job_id = $id RETURNING resolve_attempts";
            command.Parameters.AddWithValue("$id", (long)jobId);
            return Convert.ToInt32(command.ExecuteScalar() ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Sets this node's execution stage of a job.</summary>
    public void SetExecutionStage(ulong jobId, ExecutionStage stage) =>
        Execute(
            "UPDATE jobs SET execution_stage = $stage WHERE job_id = $id",
            c =>
            {
                c.Parameters.AddWithValue("$id", (long)jobId);
                c.Parameters.AddWithValue("$stage", (int)stage);
            });

    /// <summary>Sets this node's verification stage of a job.</summary>
    public void SetVerificationStage(ulong jobId, VerificationStage stage) =>
        Execute(
            "UPDATE jobs SET verification_stage = $stage WHERE job_id = $id",
            c =>
            {
                c.Parameters.AddWithValue("$id", (long)jobId);
                c.Parameters.AddWithValue("$stage", (int)stage);
            });

    /// <summary>Notes that a finalization including these jobs was sent at chain time <paramref name="chainTime"/>.</summary>
    public void MarkFinalizeSent(IReadOnlyList<ulong> jobIds, ulong chainTime)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        lock (_gate)
        {
            using var connection = _open();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE jobs SET finalize_sent_at = $at WHERE job_id = $id";
            var id = command.Parameters.Add("$id", SqliteType.Integer);
            command.Parameters.AddWithValue("$at", (long)chainTime);
            foreach (var jobId in jobIds)
            {
                id.Value = (long)jobId;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The job, or null when unknown.</summary>
    public JobRecord? GetJob(ulong jobId)
    {
        var jobs = QueryJobs($"SELECT {JobColumns} FROM jobs WHERE job_id = $id", c => c.Parameters.AddWithValue("$id", (long)jobId));
        return jobs.Count == 0 ? null : jobs[0];
    }

    /// <summary>This node's jobs not yet submitted (for the pipeline after a restart), oldest first.</summary>
    public IReadOnlyList<JobRecord> PendingExecutions() =>
        QueryJobs($"SELECT {JobColumns} FROM jobs WHERE execution_stage IN (1, 2) AND chain_status = 1 ORDER BY job_id", null);

    /// <summary>Posted outcomes waiting to be verified or challenged by this node, oldest first.</summary>
    public IReadOnlyList<JobRecord> PendingVerifications() =>
        QueryJobs($"SELECT {JobColumns} FROM jobs WHERE verification_stage IN (1, 3) AND chain_status IN (2, 3) ORDER BY job_id", null);

    /// <summary>
    /// Jobs finalizable at chain time <paramref name="chainNow"/>: a window that has closed, or Verified; only
    /// <paramref name="executor"/>'s unless null; not sent since <paramref name="resendBefore"/>.
    /// </summary>
    public IReadOnlyList<JobRecord> DueForFinalization(ulong chainNow, Address? executor, ulong resendBefore, int limit) =>
        QueryJobs(
            $"""
            SELECT {JobColumns} FROM jobs
            WHERE ((chain_status IN (2, 3) AND challenge_deadline < $now) OR chain_status = 5)
              AND ($executor IS NULL OR executor = $executor)
              AND (finalize_sent_at IS NULL OR finalize_sent_at < $resend)
            ORDER BY job_id LIMIT $limit
            """,
            c =>
            {
                c.Parameters.AddWithValue("$now", (long)chainNow);
                c.Parameters.AddWithValue("$executor", executor is { } a ? a.ToLowerHex() : DBNull.Value);
                c.Parameters.AddWithValue("$resend", (long)resendBefore);
                c.Parameters.AddWithValue("$limit", limit);
            });

    /// <summary>Jobs of other executors still Assigned after their result deadline (expirable).</summary>
    public IReadOnlyList<JobRecord> Overdue(ulong chainNow, Address self, int limit) =>
        QueryJobs(
            $"SELECT {JobColumns} FROM jobs WHERE chain_status = 1 AND result_deadline < $now AND executor <> $self ORDER BY job_id LIMIT $limit",
            c =>
            {
                c.Parameters.AddWithValue("$now", (long)chainNow);
                c.Parameters.AddWithValue("$self", self.ToLowerHex());
                c.Parameters.AddWithValue("$limit", limit);
            });

    /// <summary>The vote of this node on a job's committee, or null.</summary>
    public VoteRecord? GetVote(ulong jobId)
    {
        var votes = QueryVotes("SELECT job_id, commit_deadline, reveal_deadline, stage, valid, salt, resolve_attempts FROM votes WHERE job_id = $id", c => c.Parameters.AddWithValue("$id", (long)jobId));
        return votes.Count == 0 ? null : votes[0];
    }

    /// <summary>Votes not finished yet, oldest first.</summary>
    public IReadOnlyList<VoteRecord> OpenVotes() =>
        QueryVotes("SELECT job_id, commit_deadline, reveal_deadline, stage, valid, salt, resolve_attempts FROM votes WHERE stage < 4 ORDER BY job_id", null);

    /// <summary>How many jobs are in each chain status (for tests and the status endpoint).</summary>
    public IReadOnlyDictionary<JobStatus, int> CountByStatus()
    {
        lock (_gate)
        {
            using var connection = _open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT chain_status, COUNT(*) FROM jobs GROUP BY chain_status";
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<JobStatus, int>();
            while (reader.Read())
            {
                counts[(JobStatus)reader.GetInt32(0)] = reader.GetInt32(1);
            }

            return counts;
        }
    }

    private int Execute(string sql, Action<SqliteCommand> bind)
    {
        lock (_gate)
        {
            using var connection = _open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind(command);
            return command.ExecuteNonQuery();
        }
    }

    private List<JobRecord> QueryJobs(string sql, Action<SqliteCommand>? bind) => Query(sql, bind, static reader => new JobRecord
    {
        JobId = (ulong)reader.GetInt64(0),
        ModelId = ModelId.FromBytes((byte[])reader[1]),
        Requester = Address.Parse(reader.GetString(2)),
        Executor = Address.Parse(reader.GetString(3)),
        Input = (byte[])reader[4],
        CallbackGasLimit = (uint)reader.GetInt64(5),
        ResultDeadline = (ulong)reader.GetInt64(6),
        ChainStatus = (JobStatus)reader.GetInt32(7),
        Output = reader.IsDBNull(8) ? null : (byte[])reader[8],
        FailureCode = (byte)reader.GetInt32(9),
        ChallengeDeadline = reader.IsDBNull(10) ? null : (ulong)reader.GetInt64(10),
        ExecutionStage = (ExecutionStage)reader.GetInt32(11),
        VerificationStage = (VerificationStage)reader.GetInt32(12),
        FinalizeSentAt = reader.IsDBNull(13) ? null : (ulong)reader.GetInt64(13),
    });

    private List<VoteRecord> QueryVotes(string sql, Action<SqliteCommand>? bind) => Query(sql, bind, static reader => new VoteRecord
    {
        JobId = (ulong)reader.GetInt64(0),
        CommitDeadline = (ulong)reader.GetInt64(1),
        RevealDeadline = (ulong)reader.GetInt64(2),
        Stage = (VoteStage)reader.GetInt32(3),
        Valid = reader.IsDBNull(4) ? null : reader.GetInt64(4) != 0,
        Salt = reader.IsDBNull(5) ? null : (byte[])reader[5],
        ResolveAttempts = reader.GetInt32(6),
    });

    private List<T> Query<T>(string sql, Action<SqliteCommand>? bind, Func<SqliteDataReader, T> map)
    {
        lock (_gate)
        {
            using var connection = _open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind?.Invoke(command);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }
}
