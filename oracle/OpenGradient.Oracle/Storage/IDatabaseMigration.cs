using Microsoft.Data.Sqlite;

namespace OpenGradient.Oracle.Storage;

/// <summary>
/// One schema change, contributed by a feature (<c>services.AddDatabaseMigration&lt;T&gt;()</c>). Migrations run once each,
/// in ordinal order of <see cref="Id"/>, inside a transaction; prefix ids with the feature and a number
/// (<c>chain-0001-cursor</c>, <c>jobs-0001-jobs</c>) so a feature's own order is kept.
/// </summary>
internal interface IDatabaseMigration
{
    /// <summary>A unique, never reused id; the order key.</summary>
    string Id { get; }

    /// <summary>Applies the change. Runs inside <paramref name="transaction"/>; do not commit it.</summary>
    void Apply(SqliteConnection connection, SqliteTransaction transaction);
}
