using System.Text.Json;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Backup;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Tests.Storage.Backup;

public sealed class DuckDbBackupTests
{
    [Fact]
    public async Task Restore_into_a_new_store_reproduces_every_table_exactly()
    {
        await using var source = await TempStore.CreateAsync();
        await BackupTestData.FillAsync(source.Store);
        var file = source.PathOf("backup.duckdb");
        var backup = await source.Store.BackupAsync(file);
        Assert.True(backup.Succeeded, backup.Message);
        Assert.Equal([file], Directory.GetFiles(source.Directory, "backup.duckdb*"));

        await using var target = await TempStore.CreateAsync();
        var restore = await target.Store.RestoreAsync(file);
        Assert.True(restore.Succeeded, restore.Message);
        Assert.Empty(restore.Replaced);

        var expected = await BackupTestData.ReadTablesAsync(source.Store);
        Assert.Equal(expected, await BackupTestData.ReadTablesAsync(target.Store));
        Assert.Contains("import_log", expected.Keys);
        Assert.Contains("schema_info", expected.Keys);
        Assert.True(expected["results"].Count > 3_000);
        Assert.NotEmpty(expected["he_grades"]);
        Assert.NotEmpty(expected["areas"]);
        Assert.Equal(await InfoJsonAsync(source.Store), await InfoJsonAsync(target.Store));
    }

    [Fact]
    public async Task Restore_over_other_data_needs_consent_then_replaces_every_table_exactly_and_gaps_follow()
    {
        await using var source = await TempStore.CreateAsync();
        await BackupTestData.FillAsync(source.Store);
        var file = source.PathOf("backup.duckdb");
        Assert.True((await source.Store.BackupAsync(file)).Succeeded);

        await using var target = await TempStore.CreateAsync();
        await BackupTestData.ImportAsync(target.Store, "uci-student/student-mat.csv");
        var gapsBefore = await GenderGapStudentsAsync(target.Store);
        var before = await BackupTestData.ReadTablesAsync(target.Store);

        var refused = await target.Store.RestoreAsync(file);
        Assert.Equal(RestoreOutcome.TargetNotEmpty, refused.Outcome);
        Assert.Contains("395 students", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--yes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await BackupTestData.ReadTablesAsync(target.Store));

        var restored = await target.Store.RestoreAsync(file, replaceData: true);
        Assert.True(restored.Succeeded, restored.Message);
        Assert.Contains(restored.Replaced, t => t is { Table: "students", Rows: 395 });
        Assert.Equal(await BackupTestData.ReadTablesAsync(source.Store), await BackupTestData.ReadTablesAsync(target.Store));
        Assert.Equal(await InfoJsonAsync(source.Store), await InfoJsonAsync(target.Store));
        // The gaps' derived tables were built from the old data; they are rebuilt from the restored data.
        Assert.NotEqual(gapsBefore, await GenderGapStudentsAsync(target.Store));
        Assert.Equal(await GenderGapStudentsAsync(source.Store), await GenderGapStudentsAsync(target.Store));
    }

    [Fact]
    public async Task A_table_added_to_the_schema_later_is_backed_up_and_restored_without_naming_it()
    {
        await using var source = await TempStore.CreateAsync();
        await BackupTestData.ImportAsync(source.Store, "students-performance/StudentsPerformance.csv");
        await using var target = await TempStore.CreateAsync();
        foreach (var store in new[] { source, target })
        {
            await using var connection = await store.Store.OpenConnectionAsync(CancellationToken.None);
            await DuckDbStore.ExecuteAsync(connection, "CREATE TABLE later_table (name VARCHAR NOT NULL, role VARCHAR NOT NULL)", CancellationToken.None);
        }

        await using (var connection = await source.Store.OpenConnectionAsync(CancellationToken.None))
        {
            await DuckDbStore.ExecuteAsync(connection, "INSERT INTO later_table VALUES ('ana', 'admin'), ('bo', 'teacher')", CancellationToken.None);
        }

        var file = source.PathOf("backup.duckdb");
        var backup = await source.Store.BackupAsync(file);
        Assert.Contains(backup.Manifest!.Tables, t => t is { Table: "later_table", Rows: 2 });
        Assert.True((await target.Store.RestoreAsync(file)).Succeeded);
        Assert.Equal(["ana | admin", "bo | teacher"], (await BackupTestData.ReadTablesAsync(target.Store))["later_table"]);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_naming_the_table_and_the_target_is_unchanged()
    {
        await using var source = await TempStore.CreateAsync();
        await BackupTestData.ImportAsync(source.Store, "students-performance/StudentsPerformance.csv");
        var file = source.PathOf("backup.duckdb");
        Assert.True((await source.Store.BackupAsync(file)).Succeeded);
        await BackupTestData.ExecuteOnFileAsync(file, "UPDATE results SET score = score + 1 WHERE rowid = 17");

        await using var target = await TempStore.CreateAsync();
        await BackupTestData.ImportAsync(target.Store, "naep/state_table.csv");
        var before = await BackupTestData.ReadTablesAsync(target.Store);
        var report = await target.Store.RestoreAsync(file, replaceData: true);
        Assert.Equal(RestoreOutcome.Damaged, report.Outcome);
        Assert.Contains("table results has", report.Message, StringComparison.Ordinal);
        Assert.Equal(before, await BackupTestData.ReadTablesAsync(target.Store));
    }

    [Fact]
    public async Task A_backup_of_another_schema_version_is_refused_naming_both_versions()
    {
        await using var source = await TempStore.CreateAsync();
        var file = source.PathOf("backup.duckdb");
        Assert.True((await source.Store.BackupAsync(file)).Succeeded);
        await BackupTestData.ExecuteOnFileAsync(file, "UPDATE backup_info SET schema_version = 99");

        await using var target = await TempStore.CreateAsync();
        var report = await target.Store.RestoreAsync(file);
        Assert.Equal(RestoreOutcome.OtherVersion, report.Outcome);
        Assert.Contains("schema version 99", report.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {StoreSchema.Version}", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_a_store_and_a_text_file_are_refused_as_not_backups()
    {
        await using var target = await TempStore.CreateAsync();
        Assert.Equal(RestoreOutcome.FileMissing, (await target.Store.RestoreAsync(target.PathOf("none.duckdb"))).Outcome);
        await using (var other = await DuckDbStore.OpenAsync(target.PathOf("other.duckdb")))
        {
        }

        Assert.Equal(RestoreOutcome.NotABackup, (await target.Store.RestoreAsync(target.PathOf("other.duckdb"))).Outcome);
        Assert.Equal(RestoreOutcome.NotABackup, (await target.Store.RestoreAsync(target.WriteFile("notes.txt", "hello"))).Outcome);
    }

    [Fact]
    public async Task Backup_refuses_to_replace_an_existing_file_unless_told_to()
    {
        await using var source = await TempStore.CreateAsync();
        var file = source.WriteFile("backup.duckdb", "keep me");
        var refused = await source.Store.BackupAsync(file);
        Assert.Equal(BackupOutcome.FileExists, refused.Outcome);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));

        Assert.True((await source.Store.BackupAsync(file, overwrite: true)).Succeeded);
        Assert.NotEqual("keep me", await File.ReadAllTextAsync(file));
        Assert.Equal([file], Directory.GetFiles(source.Directory, "backup.duckdb*"));
    }

    [Theory]
    [InlineData("/data/store.duckdb", "/data/store.duckdb")]
    [InlineData("postgresql://ana:s3cret@db.example:5432/grades", "postgresql://ana@db.example:5432/grades")]
    [InlineData("postgres://ana:s3cret@db/grades?sslmode=require&password=x", "postgres://ana@db/grades?sslmode=require")]
    [InlineData("Host=db;Username=ana;Password=s3cret;Database=grades", "Host=db;Username=ana;Database=grades")]
    public void The_source_a_backup_records_has_no_password(string location, string recorded) =>
        Assert.Equal(recorded, StoreSource.Describe(location));

    private static async Task<string> InfoJsonAsync(IGradeStore store) =>
        JsonSerializer.Serialize((await store.GetInfoAsync(Scope.Everything)) with { Location = "" });

    private static async Task<long> GenderGapStudentsAsync(DuckDbStore store)
    {
        await using var connection = await store.OpenConnectionAsync(CancellationToken.None);
        await store.GetGroupAggregatesAsync(Scope.Everything, new GradeLens.Core.Gaps.GapRequest());
        return long.Parse(await BackupTestData.ScalarAsync(connection, "SELECT count(*) FROM gap_scores"), System.Globalization.CultureInfo.InvariantCulture);
    }
}
