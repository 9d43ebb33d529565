using Microsoft.Data.Sqlite;
using NUnit.Framework;
using OpenGradient.Oracle.Storage;

namespace OpenGradient.Oracle.Tests.Storage;

public sealed class NodeDatabaseTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("og-db-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Open_RunsEachMigrationOnceInIdOrderAcrossRestarts()
    {
        string path = Path.Combine(_folder, "nested", "node.db");
        var second = new CountingMigration("b-0001", "CREATE TABLE b (x INTEGER REFERENCES a (x));");
        var first = new CountingMigration("a-0001", "CREATE TABLE a (x INTEGER PRIMARY KEY);");

        using (new NodeDatabase(path, [second, first]).Open())
        {
        }

        using SqliteConnection connection = new NodeDatabase(path, [second, first]).Open();

        Assert.That((first.Applied, second.Applied), Is.EqualTo((1, 1)));
        using SqliteCommand mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.That(mode.ExecuteScalar(), Is.EqualTo("wal"));
    }

    [Test]
    public void Constructor_DuplicateMigrationIds_ThrowsStorageException()
    {
        var error = Assert.Throws<StorageException>(() => new NodeDatabase(
            Path.Combine(_folder, "node.db"),
            [new CountingMigration("jobs-0001", "SELECT 1;"), new CountingMigration("jobs-0001", "SELECT 1;")]));

        Assert.That(error!.Message, Does.Contain("jobs-0001"));
    }

    [Test]
    public void Open_FailingMigration_ThrowsStorageExceptionAndRecordsNothing()
    {
        string path = Path.Combine(_folder, "node.db");
        var broken = new CountingMigration("x-0001", "CREATE TABLE t (x INTEGER); THIS IS NOT SQL;");

        Assert.Throws<StorageException>(() => new NodeDatabase(path, [broken]).Open());
        var fixedMigration = new CountingMigration("x-0001", "CREATE TABLE t (x INTEGER);");
        using SqliteConnection connection = new NodeDatabase(path, [fixedMigration]).Open();

        Assert.That(fixedMigration.Applied, Is.EqualTo(1), "the failed migration was rolled back and runs again");
    }

    private sealed class CountingMigration(string id, string sql) : SqlMigration
    {
        public int Applied { get; private set; }

        public override string Id => id;

        protected override string Sql
        {
            get
            {
                Applied++;
                return sql;
            }
        }
    }
}
