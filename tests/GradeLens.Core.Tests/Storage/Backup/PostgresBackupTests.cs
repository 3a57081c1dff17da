using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Backup;
using GradeLens.Core.Storage.Postgres;

namespace GradeLens.Core.Tests.Storage.Backup;

/// <summary>Backup and restore of the PostgreSQL store, and backups moving between the two stores (the migration path).</summary>
public sealed class PostgresBackupTests
{
    [PostgresFact]
    public async Task Restore_into_a_new_postgresql_database_reproduces_every_table_exactly()
    {
        await using var files = await TempStore.CreateAsync();
        await using var sourceDb = await PostgresTestDatabase.CreateAsync();
        await using var targetDb = await PostgresTestDatabase.CreateAsync();
        var file = files.PathOf("backup.duckdb");
        await using (var source = await PostgresStore.OpenAsync(sourceDb.Url))
        {
            await BackupTestData.FillAsync(source);
            var backup = await source.BackupAsync(file);
            Assert.True(backup.Succeeded, backup.Message);
            Assert.Equal([file], Directory.GetFiles(files.Directory, "backup.duckdb*"));
        }

        await using (var target = await PostgresStore.OpenAsync(targetDb.Url))
        {
            var restore = await target.RestoreAsync(file);
            Assert.True(restore.Succeeded, restore.Message);
            Assert.Empty(restore.Replaced);
        }

        var expected = await BackupTestData.ReadTablesAsync(sourceDb);
        Assert.Equal(expected, await BackupTestData.ReadTablesAsync(targetDb));
        Assert.Contains("import_log", expected.Keys);
        Assert.Contains("schema_info", expected.Keys);
        Assert.True(expected["results"].Count > 3_000);
        Assert.NotEmpty(expected["he_grades"]);
        Assert.NotEmpty(expected["areas"]);
    }

    [PostgresFact]
    public async Task A_backup_moves_from_duckdb_to_postgresql_and_back_with_the_same_tables_and_checksums()
    {
        await using var duckSource = await TempStore.CreateAsync();
        await BackupTestData.FillAsync(duckSource.Store);
        var fromDuckDb = duckSource.PathOf("from-duckdb.duckdb");
        var duckBackup = await duckSource.Store.BackupAsync(fromDuckDb);
        Assert.True(duckBackup.Succeeded, duckBackup.Message);
        var expected = await BackupTestData.ReadTablesAsync(duckSource.Store);

        await using var database = await PostgresTestDatabase.CreateAsync();
        var fromPostgres = duckSource.PathOf("from-postgres.duckdb");
        await using (var postgres = await PostgresStore.OpenAsync(database.Url))
        {
            var restore = await postgres.RestoreAsync(fromDuckDb);
            Assert.True(restore.Succeeded, restore.Message);
            Assert.Equal(expected, await BackupTestData.ReadTablesAsync(database));
            var pgBackup = await postgres.BackupAsync(fromPostgres);
            Assert.True(pgBackup.Succeeded, pgBackup.Message);
            Assert.Equal(duckBackup.Manifest!.Tables, pgBackup.Manifest!.Tables);
        }

        await using var duckTarget = await TempStore.CreateAsync();
        var back = await duckTarget.Store.RestoreAsync(fromPostgres);
        Assert.True(back.Succeeded, back.Message);
        Assert.Equal(expected, await BackupTestData.ReadTablesAsync(duckTarget.Store));
    }

    [PostgresFact]
    public async Task A_damaged_backup_is_refused_and_the_postgresql_store_is_unchanged()
    {
        await using var source = await TempStore.CreateAsync();
        await BackupTestData.ImportAsync(source.Store, "students-performance/StudentsPerformance.csv");
        var file = source.PathOf("backup.duckdb");
        Assert.True((await source.Store.BackupAsync(file)).Succeeded);
        await BackupTestData.ExecuteOnFileAsync(file, "UPDATE results SET score = score + 1 WHERE rowid = 17");

        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var target = await PostgresStore.OpenAsync(database.Url);
        await BackupTestData.ImportAsync(target, "naep/state_table.csv");
        var before = await BackupTestData.ReadTablesAsync(database);
        var report = await target.RestoreAsync(file, replaceData: true);
        Assert.Equal(RestoreOutcome.Damaged, report.Outcome);
        Assert.Contains("table results has", report.Message, StringComparison.Ordinal);
        Assert.Equal(before, await BackupTestData.ReadTablesAsync(database));

        var refused = await target.RestoreAsync(source.PathOf("none.duckdb"));
        Assert.Equal(RestoreOutcome.FileMissing, refused.Outcome);
    }

    [PostgresFact]
    public async Task A_restore_by_one_server_invalidates_the_cached_answers_of_another()
    {
        await using var files = await TempStore.CreateAsync();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var restorer = await PostgresStore.OpenAsync(database.Url);
        await using var other = await PostgresStore.OpenAsync(database.Url);
        await BackupTestData.ImportAsync(restorer, "students-performance/StudentsPerformance.csv");
        var file = files.PathOf("backup.duckdb");
        Assert.True((await restorer.BackupAsync(file)).Succeeded);

        // A change the import log does not record, answered (and cached) by the other server.
        await database.ExecuteAsync("UPDATE results SET score = score / 2");
        var changed = await SeriesAsync(other);

        // The restore brings back the same import log; the other server must still not answer from its cache.
        Assert.True((await restorer.RestoreAsync(file, replaceData: true)).Succeeded);
        await using var fresh = await PostgresStore.OpenAsync(database.Url);
        var restored = await SeriesAsync(fresh);
        Assert.NotEqual(changed, restored);
        Assert.Equal(restored, await SeriesAsync(other));
    }

    private static async Task<string> SeriesAsync(IGradeStore store)
    {
        var subject = (await store.GetInfoAsync(Scope.Everything)).Subjects[0];
        return System.Text.Json.JsonSerializer.Serialize(await store.GetSeriesBoxesAsync(Scope.Everything, new GradeLens.Core.Tracking.TrackingFilter(subject)));
    }
}
