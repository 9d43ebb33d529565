using Microsoft.Data.Sqlite;

namespace OpenGradient.Oracle.Storage;

/// <summary>
/// The node's SQLite file: opens connections in WAL mode with full fsync (a committed row survives a SIGKILL or power
/// loss) and a busy timeout, after running every contributed <see cref="IDatabaseMigration"/> once. Each caller opens its own
/// short-lived connection (pooled by Microsoft.Data.Sqlite); SQLite serializes writers.
/// </summary>
internal sealed class NodeDatabase
{
    private readonly string _connectionString;
    private readonly IReadOnlyList<IDatabaseMigration> _migrations;
    private readonly Lock _gate = new();
    private volatile bool _migrated;

    public NodeDatabase(string path, IEnumerable<IDatabaseMigration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _migrations = SortAndCheck(migrations);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection (creating and migrating the database on first use).</summary>
    public SqliteConnection Open()
    {
        EnsureMigrated();
        return OpenRaw();
    }

    /// <summary>Creates the file if needed and applies pending migrations; safe to call many times.</summary>
    public void EnsureMigrated()
    {
        if (_migrated)
        {
            return;
        }

        lock (_gate)
        {
            if (_migrated)
            {
                return;
            }

            string? folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            using SqliteConnection connection = OpenRaw();
            Execute(connection, null, "PRAGMA journal_mode=WAL;");
            Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL);");
            var applied = new HashSet<string>(StringComparer.Ordinal);
            using (SqliteCommand read = connection.CreateCommand())
            {
                read.CommandText = "SELECT id FROM schema_migrations;";
                using SqliteDataReader reader = read.ExecuteReader();
                while (reader.Read())
                {
                    applied.Add(reader.GetString(0));
                }
            }

            foreach (IDatabaseMigration migration in _migrations)
            {
                if (applied.Contains(migration.Id))
                {
                    continue;
                }

                using SqliteTransaction transaction = connection.BeginTransaction();
                try
                {
                    migration.Apply(connection, transaction);
                }
                catch (SqliteException e)
                {
                    throw new StorageException(
                        $"Database migration '{migration.Id}' failed on {Path} ({e.Message}). The file may come from a newer or different node version; back it up and point Storage:DatabasePath at a new file.",
                        e);
                }

                using (SqliteCommand record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES ($id, $at);";
                    record.Parameters.AddWithValue("$id", migration.Id);
                    record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
                    record.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            _migrated = true;
        }
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<IDatabaseMigration> SortAndCheck(IEnumerable<IDatabaseMigration> migrations)
    {
        var list = new List<IDatabaseMigration>(migrations);
        list.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (int i = 1; i < list.Count; i++)
        {
            if (string.Equals(list[i].Id, list[i - 1].Id, StringComparison.Ordinal))
            {
                throw new StorageException(
                    $"Two database migrations share the id '{list[i].Id}' ({list[i - 1].GetType().Name} and {list[i].GetType().Name}); give each a unique, feature-prefixed id.");
            }
        }

        return list;
    }
}
