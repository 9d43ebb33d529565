using Microsoft.Data.Sqlite;

namespace OpenGradient.Oracle.Storage;

/// <summary>A migration that is a fixed SQL script.</summary>
internal abstract class SqlMigration : IDatabaseMigration
{
    public abstract string Id { get; }

    protected abstract string Sql { get; }

    public void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
