using System.Globalization;
using System.Numerics;
using Microsoft.Data.Sqlite;
using OpenGradient.Ethereum.Primitives;
using OpenGradient.Oracle.Storage;

namespace OpenGradient.Oracle.Transactions;

/// <summary>Durable intents and signed attempts of the <see cref="TxSender"/>.</summary>
internal sealed class TxStore
{
    private const string Final = "final";
    private readonly NodeDatabase _database;
    private readonly TimeProvider _time;

    public TxStore(NodeDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Records a new intent; returns false (and changes nothing) when the key already exists.</summary>
    public bool TryInsert(TxIntent intent, Address sender)
    {
        ArgumentNullException.ThrowIfNull(intent);
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO tx_intents (key, sender, target, data, value, gas_limit, state, created_at, updated_at)
            VALUES ($key, $sender, $target, $data, $value, $gas, 'pending', $now, $now)
            ON CONFLICT(key) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$key", intent.Key);
        command.Parameters.AddWithValue("$sender", sender.ToLowerHex());
        command.Parameters.AddWithValue("$target", intent.To.ToLowerHex());
        command.Parameters.AddWithValue("$data", intent.Data);
        command.Parameters.AddWithValue("$value", intent.Value.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$gas", intent.GasLimit is { } gas ? (long)gas : DBNull.Value);
        command.Parameters.AddWithValue("$now", Now());
        return command.ExecuteNonQuery() == 1;
    }

    public StoredIntent? Get(string key)
    {
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT key, sender, target, data, value, gas_limit, nonce, state, status, tx_hash, block_number, gas_used, effective_gas_price, error_name, detail, sent FROM tx_intents WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? ReadIntent(reader) : null;
    }

    /// <summary>Keys of intents that are not final yet, oldest first.</summary>
    public IReadOnlyList<string> PendingKeys()
    {
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM tx_intents WHERE state = 'pending' ORDER BY created_at, rowid;";
        using SqliteDataReader reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>
    /// The highest nonce any stored attempt of <paramref name="sender"/> uses; null when none. Attempts of intents that ended
    /// Rejected were refused by the node and never mined, so their nonces are free again and do not count.
    /// </summary>
    public ulong? MaxNonce(Address sender)
    {
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(a.nonce) FROM tx_attempts a JOIN tx_intents i ON i.key = a.key WHERE i.sender = $sender AND NOT (i.state = 'final' AND i.status = 'Rejected');";
        command.Parameters.AddWithValue("$sender", sender.ToLowerHex());
        object? value = command.ExecuteScalar();
        return value is null or DBNull ? null : (ulong)(long)value;
    }

    /// <summary>Every signed attempt of an intent, oldest first.</summary>
    public IReadOnlyList<StoredAttempt> Attempts(string key)
    {
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT tx_hash, nonce, max_fee, max_priority_fee, gas_limit, raw, created_at FROM tx_attempts WHERE key = $key ORDER BY created_at, rowid;";
        command.Parameters.AddWithValue("$key", key);
        using SqliteDataReader reader = command.ExecuteReader();
        var attempts = new List<StoredAttempt>();
        while (reader.Read())
        {
            attempts.Add(new StoredAttempt(
                reader.GetString(0),
                (ulong)reader.GetInt64(1),
                new Fees(BigInteger.Parse(reader.GetString(2), CultureInfo.InvariantCulture), BigInteger.Parse(reader.GetString(3), CultureInfo.InvariantCulture)),
                (ulong)reader.GetInt64(4),
                (byte[])reader.GetValue(5),
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        }

        return attempts;
    }

    /// <summary>Records a signed transaction for an intent (and the nonce it holds) — called before it is broadcast.</summary>
    public void RecordAttempt(string key, StoredAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        using SqliteConnection connection = _database.Open();
        using SqliteTransaction transaction = connection.BeginTransaction();
        using (SqliteCommand insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO tx_attempts (tx_hash, key, nonce, max_fee, max_priority_fee, gas_limit, raw, created_at)
                VALUES ($hash, $key, $nonce, $fee, $tip, $gas, $raw, $at)
                ON CONFLICT(tx_hash) DO NOTHING;
                """;
            insert.Parameters.AddWithValue("$hash", attempt.TransactionHash);
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$nonce", (long)attempt.Nonce);
            insert.Parameters.AddWithValue("$fee", attempt.Fees.MaxFeePerGas.ToString(CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$tip", attempt.Fees.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$gas", (long)attempt.GasLimit);
            insert.Parameters.AddWithValue("$raw", attempt.Raw);
            insert.Parameters.AddWithValue("$at", attempt.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        using (SqliteCommand update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE tx_intents SET nonce = $nonce, sent = 1, updated_at = $now WHERE key = $key;";
            update.Parameters.AddWithValue("$nonce", (long)attempt.Nonce);
            update.Parameters.AddWithValue("$now", Now());
            update.Parameters.AddWithValue("$key", key);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Stores the final outcome of an intent.</summary>
    public void Complete(TxOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            UPDATE tx_intents SET state = 'final', status = $status, tx_hash = $hash, block_number = $block, gas_used = $gas,
                effective_gas_price = $price, error_name = $error, detail = $detail, updated_at = $now
            WHERE key = $key;
            """;
        command.Parameters.AddWithValue("$status", outcome.Status.ToString());
        command.Parameters.AddWithValue("$hash", (object?)outcome.TransactionHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$block", outcome.BlockNumber is { } block ? (long)block : DBNull.Value);
        command.Parameters.AddWithValue("$gas", (long)outcome.GasUsed);
        command.Parameters.AddWithValue("$price", outcome.EffectiveGasPrice.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$error", (object?)outcome.ErrorName ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", outcome.Detail);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$key", outcome.Key);
        command.ExecuteNonQuery();
    }

    /// <summary>How many intents are not final.</summary>
    public int PendingCount()
    {
        using SqliteConnection connection = _database.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tx_intents WHERE state = 'pending';";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static StoredIntent ReadIntent(SqliteDataReader reader)
    {
        string key = reader.GetString(0);
        var intent = new TxIntent(
            key,
            Address.Parse(reader.GetString(2)),
            (byte[])reader.GetValue(3),
            reader.IsDBNull(5) ? null : (ulong)reader.GetInt64(5),
            BigInteger.Parse(reader.GetString(4), CultureInfo.InvariantCulture));
        ulong? nonce = reader.IsDBNull(6) ? null : (ulong)reader.GetInt64(6);
        TxOutcome? outcome = null;
        if (reader.GetString(7) == Final)
        {
            outcome = new TxOutcome(
                key,
                Enum.Parse<TxStatus>(reader.GetString(8)),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : (ulong)reader.GetInt64(10),
                (ulong)reader.GetInt64(11),
                BigInteger.Parse(reader.GetString(12), CultureInfo.InvariantCulture),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? string.Empty : reader.GetString(14),
                reader.GetInt64(15) != 0);
        }

        return new StoredIntent(intent, Address.Parse(reader.GetString(1)), nonce, outcome);
    }
}
