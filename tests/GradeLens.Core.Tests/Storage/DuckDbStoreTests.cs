using DuckDB.NET.Data;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Tests.Storage;

public sealed class DuckDbStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task A_new_store_has_the_schema_version_and_empty_tables()
    {
        await using var store = await DuckDbStore.OpenAsync(PathOf("s.duckdb"));
        var info = await store.GetInfoAsync(Scope.Everything);
        Assert.Equal(StoreSchema.Version, info.SchemaVersion);
        Assert.Equal(StoreSchema.Tables.Count, info.TableCounts.Count);
        Assert.All(info.TableCounts.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task A_store_of_another_schema_version_is_refused_and_left_unchanged()
    {
        var path = PathOf("old.duckdb");
        await (await DuckDbStore.OpenAsync(path)).DisposeAsync();
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_info SET version = 99";
            command.ExecuteNonQuery();
        }

        var before = await File.ReadAllBytesAsync(path);
        var error = await Assert.ThrowsAsync<StoreVersionException>(() => DuckDbStore.OpenAsync(path));
        Assert.Equal(99, error.Found);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_file_that_is_not_a_store_is_refused_with_a_sentence_and_left_unchanged()
    {
        var path = PathOf("marks.csv");
        await File.WriteAllTextAsync(path, "student_id,score\nA1,55\n");
        var error = await Assert.ThrowsAsync<UnreadableStoreException>(() => DuckDbStore.OpenAsync(path));
        Assert.StartsWith(Path.GetFullPath(path) + " is not a GradeLens store", error.Message, StringComparison.Ordinal);
        Assert.Equal("student_id,score\nA1,55\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Every_read_is_limited_to_the_callers_organisation_and_schools_in_sql()
    {
        await using var store = await DuckDbStore.OpenAsync(PathOf("s.duckdb"));
        var file = PathOf("marks.csv");
        await File.WriteAllTextAsync(file, "student_id,school,gender,math score\nA1,North,F,55\nA2,North,M,61\nA3,South,F,70\n");
        Assert.True((await store.ImportAsync(new ImportRequest([file], Organisation: "trust-a"))).Succeeded);
        Assert.True((await store.ImportAsync(new ImportRequest([file], Organisation: "trust-b"))).Succeeded);

        Assert.Equal(6, (await store.GetInfoAsync(Scope.Everything)).Students);
        var trustA = await store.GetInfoAsync(Scope.ForOrganisation("trust-a"));
        Assert.Equal((3L, 3L), (trustA.Students, trustA.TableCounts["results"]));
        Assert.Equal(["trust-a"], trustA.Organisations);
        var north = await store.GetInfoAsync(new Scope("trust-a", Schools: ["North"]));
        Assert.Equal((2L, 2L, 1L), (north.Students, north.TableCounts["results"], north.Schools));
        var injection = await store.GetInfoAsync(new Scope("trust-a' OR '1'='1", Schools: ["North' OR '1'='1"]));
        Assert.Equal(0, injection.Students);
        Assert.Equal(0, (await store.GetInfoAsync(new Scope("trust-a", Schools: []))).Students);
    }

    [Fact]
    public async Task A_backup_of_an_older_version_is_refused_by_restore_with_what_to_do_and_never_upgraded_when_opened_as_a_store()
    {
        var backupFile = PathOf("old.backup.duckdb");
        await using (var store = await DuckDbStore.OpenAsync(PathOf("s.duckdb")))
        {
            Assert.True((await store.BackupAsync(backupFile)).Succeeded);
        }

        using (var connection = new DuckDBConnection($"Data Source={backupFile}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE backup_info SET schema_version = 2; DELETE FROM schema_info; INSERT INTO schema_info VALUES (2, now()::TIMESTAMP)";
            command.ExecuteNonQuery();
        }

        var before = await File.ReadAllBytesAsync(backupFile);
        var opened = await Assert.ThrowsAsync<UnreadableStoreException>(() => DuckDbStore.OpenAsync(backupFile));
        Assert.StartsWith($"{backupFile} is a GradeLens backup of a schema version 2 store; this GradeLens reads version {StoreSchema.Version} and never upgrades a backup", opened.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(backupFile));

        await using var target = await DuckDbStore.OpenAsync(PathOf("target.duckdb"));
        var refused = await target.RestoreAsync(backupFile);
        Assert.Equal(Core.Storage.Backup.RestoreOutcome.OtherVersion, refused.Outcome);
        Assert.Equal(
            $"{backupFile} is a backup of a schema version 2 store, but this GradeLens uses schema version {StoreSchema.Version} and restores only backups of that version; " +
            "restore it into a new store with the GradeLens version that made it, open that store once with this version (which upgrades it), then back it up again.",
            refused.Message);
    }
}
