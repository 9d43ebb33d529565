using Microsoft.Data.Sqlite;
using OpenGradient.Oracle.Storage;

namespace OpenGradient.Oracle.Chain;

/// <summary>
/// The watcher's durable state: the next block to read and the hashes of the recent blocks it handled. The cursor and the
/// block's hash move together in one transaction, so after a crash the watcher resumes exactly after the last block whose
/// logs were all acknowledged.
/// </summary>
internal sealed class ChainCursorStore
{
    private readonly NodeDatabase _database;

    public ChainCursorStore(NodeDatabase database)
    {
        _database = database;
    }

    /// <summary>The next block to read; null on a fresh database.</summary>
    public ulong? GetCursor()
    {
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT next_block FROM chain_cursor WHERE id = 1;";
        object? value = command.ExecuteScalar();
        return value is null or DBNull ? null : (ulong)(long)value;
    }

    /// <summary>The stored blocks, newest first.</summary>
    public IReadOnlyList<StoredBlock> GetRecentBlocks(int limit)
    {
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT number, hash, parent_hash FROM chain_blocks ORDER BY number DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        using SqliteDataReader reader = command.ExecuteReader();
        var blocks = new List<StoredBlock>();
        while (reader.Read())
        {
            blocks.Add(new StoredBlock((ulong)reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return blocks;
    }

    /// <summary>The stored block with this number, if any.</summary>
    public StoredBlock? GetBlock(ulong number)
    {
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT number, hash, parent_hash FROM chain_blocks WHERE number = $n;";
        command.Parameters.AddWithValue("$n", (long)number);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? new StoredBlock((ulong)reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>
    /// Records that every log up to and including <paramref name="block"/> was handled: stores its hash, moves the cursor to
    /// the next block and forgets hashes older than <paramref name="keepBlocks"/>.
    /// </summary>
    public void Advance(StoredBlock block, int keepBlocks)
    {
        ArgumentNullException.ThrowIfNull(block);
        using SqliteConnection connection = _database.Open();
        using SqliteTransaction transaction = connection.BeginTransaction();
        Execute(connection, transaction, "INSERT OR REPLACE INTO chain_blocks (number, hash, parent_hash) VALUES ($n, $h, $p);", ("$n", (long)block.Number), ("$h", block.Hash), ("$p", block.ParentHash));
        SetCursor(connection, transaction, block.Number + 1);
        if (block.Number > (ulong)keepBlocks)
        {
            Execute(connection, transaction, "DELETE FROM chain_blocks WHERE number < $min;", ("$min", (long)(block.Number - (ulong)keepBlocks)));
        }

        transaction.Commit();
    }

    /// <summary>Sets the cursor without storing a block (the first start, at the configured start block).</summary>
    public void Initialize(ulong nextBlock)
    {
        using SqliteConnection connection = _database.Open();
        using SqliteTransaction transaction = connection.BeginTransaction();
        SetCursor(connection, transaction, nextBlock);
        transaction.Commit();
    }

    /// <summary>Forgets every block above <paramref name="lastGoodBlock"/> and moves the cursor to the block after it.</summary>
    public void Rewind(ulong lastGoodBlock)
    {
        using SqliteConnection connection = _database.Open();
        using SqliteTransaction transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM chain_blocks WHERE number > $n;", ("$n", (long)lastGoodBlock));
        SetCursor(connection, transaction, lastGoodBlock + 1);
        transaction.Commit();
    }

    private static void SetCursor(SqliteConnection connection, SqliteTransaction transaction, ulong next) =>
        Execute(connection, transaction, "INSERT INTO chain_cursor (id, next_block) VALUES (1, $c) ON CONFLICT(id) DO UPDATE SET next_block = excluded.next_block;", ("$c", (long)next));

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
