using OpenGradient.Oracle.Storage;

namespace OpenGradient.Oracle.Transactions;

/// <summary>
/// The sender's tables: one row per intent (keyed by its idempotency key) and one per signed transaction, written before
/// the transaction is broadcast, so a restart can find every hash it may have sent.
/// </summary>
internal sealed class TxMigration : SqlMigration
{
    public override string Id => "tx-0001-intents";

    protected override string Sql => """
        CREATE TABLE tx_intents (
            key TEXT PRIMARY KEY,
            sender TEXT NOT NULL,
            target TEXT NOT NULL,
            data BLOB NOT NULL,
            value TEXT NOT NULL,
            gas_limit INTEGER NULL,
            nonce INTEGER NULL,
            state TEXT NOT NULL,
            status TEXT NULL,
            tx_hash TEXT NULL,
            block_number INTEGER NULL,
            gas_used INTEGER NOT NULL DEFAULT 0,
            effective_gas_price TEXT NOT NULL DEFAULT '0',
            error_name TEXT NULL,
            detail TEXT NULL,
            sent INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX tx_intents_pending ON tx_intents (state) WHERE state = 'pending';
        CREATE TABLE tx_attempts (
            tx_hash TEXT PRIMARY KEY,
            key TEXT NOT NULL REFERENCES tx_intents (key),
            nonce INTEGER NOT NULL,
            max_fee TEXT NOT NULL,
            max_priority_fee TEXT NOT NULL,
            gas_limit INTEGER NOT NULL,
            raw BLOB NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX tx_attempts_key ON tx_attempts (key);
        """;
}
