using OpenGradient.Oracle.Storage;

namespace OpenGradient.Oracle.Chain;

/// <summary>The watcher's tables: the cursor (next block to read) and the hashes of recent confirmed blocks.</summary>
internal sealed class ChainMigration : SqlMigration
{
    public override string Id => "chain-0001-cursor";

    protected override string Sql => """
        CREATE TABLE chain_cursor (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            next_block INTEGER NOT NULL
        );
        CREATE TABLE chain_blocks (
            number INTEGER PRIMARY KEY,
            hash TEXT NOT NULL,
            parent_hash TEXT NOT NULL
        );
        """;
}
