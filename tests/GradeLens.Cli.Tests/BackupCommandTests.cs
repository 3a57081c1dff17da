using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Cli.Tests;

public sealed partial class BackupCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-backup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task A_backup_restored_into_a_new_store_gives_the_same_info_and_can_be_read_with_info()
    {
        var store = PathOf("s.duckdb");
        foreach (var dataset in new[] { SharedData.Exams, "yellis-tracking/merged_yellis_diff_with_exams.csv" })
        {
            Assert.Equal(0, (await CliProcess.RunAsync("import", SharedData.File(dataset), "--mapping", SharedData.Mapping(dataset), "--store", store)).ExitCode);
        }

        var backup = await CliProcess.RunAsync("backup", "--store", store, "--out", PathOf("b.duckdb"));
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("Backed up", backup.Out, StringComparison.Ordinal);
        Assert.Contains("results", backup.Out, StringComparison.Ordinal);

        var restore = await CliProcess.RunAsync("restore", PathOf("b.duckdb"), "--store", PathOf("restored.duckdb"));
        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("Restored", restore.Out, StringComparison.Ordinal);
        var expected = await InfoAsync(store);
        Assert.Equal(expected, await InfoAsync(PathOf("restored.duckdb")));
        Assert.Equal(expected, await InfoAsync(PathOf("b.duckdb")));
    }

    [Fact]
    public async Task Backup_refuses_to_replace_a_file_without_force()
    {
        var store = await SmallStoreAsync("s.duckdb");
        await File.WriteAllTextAsync(PathOf("b.duckdb"), "keep me");
        var refused = await CliProcess.RunAsync("backup", "--store", store, "--out", PathOf("b.duckdb"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists; choose another --out or replace it with --force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(PathOf("b.duckdb")));
        Assert.Equal(0, (await CliProcess.RunAsync("backup", "--store", store, "--out", PathOf("b.duckdb"), "--force")).ExitCode);
    }

    [Fact]
    public async Task Restore_refuses_a_missing_file_a_file_that_is_no_backup_a_damaged_one_and_another_version()
    {
        var store = await SmallStoreAsync("s.duckdb");
        Assert.Equal(0, (await CliProcess.RunAsync("backup", "--store", store, "--out", PathOf("b.duckdb"))).ExitCode);
        File.Copy(PathOf("b.duckdb"), PathOf("damaged.duckdb"));
        await ExecuteAsync(PathOf("damaged.duckdb"), "UPDATE students SET gender = 'X' WHERE student_id = 'A1'");
        File.Copy(PathOf("b.duckdb"), PathOf("v99.duckdb"));
        await ExecuteAsync(PathOf("v99.duckdb"), "UPDATE backup_info SET schema_version = 99");
        await File.WriteAllTextAsync(PathOf("notes.txt"), "not a backup");

        await AssertRefusedAsync(PathOf("none.duckdb"), "does not exist");
        await AssertRefusedAsync(PathOf("notes.txt"), "is not a GradeLens backup");
        await AssertRefusedAsync(store, "is not a GradeLens backup: it has no backup manifest");
        await AssertRefusedAsync(PathOf("damaged.duckdb"), "is damaged: table students has");
        await AssertRefusedAsync(PathOf("v99.duckdb"), "schema version 99 store, but this GradeLens uses schema version " + GradeLens.Core.Storage.StoreSchema.Version);
        Assert.Contains("\"students\": 0", await InfoAsync(PathOf("target.duckdb")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_over_a_store_with_data_needs_yes_and_a_busy_store_is_refused()
    {
        var store = await SmallStoreAsync("s.duckdb");
        Assert.Equal(0, (await CliProcess.RunAsync("backup", "--store", store, "--out", PathOf("b.duckdb"))).ExitCode);
        var target = PathOf("other.duckdb");
        await File.WriteAllTextAsync(PathOf("other.csv"), "student_id,gender,math score\nB1,F,40\nB2,M,41\nB3,F,42\n");
        Assert.Equal(0, (await CliProcess.RunAsync("import", PathOf("other.csv"), "--store", target)).ExitCode);
        var before = await InfoAsync(target);

        var refused = await CliProcess.RunAsync("restore", PathOf("b.duckdb"), "--store", target);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("holds data (1 assessments, 4 import_changes, 1 import_log, 1 imports, 3 results, 3 students); restoring", refused.Error, StringComparison.Ordinal);
        Assert.Contains("confirm with --yes", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await InfoAsync(target));

        await using (await DuckDbStore.OpenAsync(target))
        {
            var busy = await CliProcess.RunAsync("restore", PathOf("b.duckdb"), "--store", target, "--yes");
            Assert.Equal(1, busy.ExitCode);
            Assert.Contains("is in use by another GradeLens process", busy.Error, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await CliProcess.RunAsync("restore", PathOf("b.duckdb"), "--store", target, "--yes")).ExitCode);
        Assert.Equal(await InfoAsync(store), await InfoAsync(target));
    }

    private async Task AssertRefusedAsync(string file, string message)
    {
        var (code, _, error) = await CliProcess.RunAsync("restore", file, "--store", PathOf("target.duckdb"));
        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private async Task<string> SmallStoreAsync(string name)
    {
        var store = PathOf(name);
        await File.WriteAllTextAsync(PathOf("marks.csv"), "student_id,gender,math score\nA1,F,55\nA2,M,61\n");
        Assert.Equal(0, (await CliProcess.RunAsync("import", PathOf("marks.csv"), "--store", store)).ExitCode);
        return store;
    }

    /// <summary>info --format json without the location line (it names the file).</summary>
    private static async Task<string> InfoAsync(string store)
    {
        var (code, output, error) = await CliProcess.RunAsync("info", "--store", store, "--format", "json");
        Assert.True(code == 0, error);
        return LocationLine().Replace(output, "");
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("\"location\": \"[^\"]*\",?")]
    private static partial Regex LocationLine();
}
