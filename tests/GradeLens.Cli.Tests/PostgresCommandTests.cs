
namespace GradeLens.Cli.Tests;

/// <summary><c>gradelens import</c> and <c>info</c> with <c>--store postgres://...</c>, as real processes.</summary>
public sealed class PostgresCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-pg-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [PostgresFact]
    public async Task Import_and_info_work_on_a_postgresql_store_and_never_print_the_password()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var store = database.Url.Replace("postgres@", "postgres:s3cret@", StringComparison.Ordinal);
        var file = Path.Combine(_directory, "marks.csv");
        await File.WriteAllTextAsync(file, "student_id,gender,math score\nA1,F,55\nA2,M,61\n");

        var import = await CliProcess.RunAsync("import", file, "--store", store);
        var again = await CliProcess.RunAsync("import", file, "--store", store);
        var info = await CliProcess.RunAsync("info", "--store", store, "--format", "json");

        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Contains("2 students added", import.Out, StringComparison.Ordinal);
        Assert.Contains("0 results added, 0 changed, 2 unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("\"students\": 2", info.Out, StringComparison.Ordinal);
        Assert.Contains(database.Url, info.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", import.Out + import.Error + info.Out + info.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Backup_and_restore_work_on_a_postgresql_store_and_never_print_the_password()
    {
        await using var source = await PostgresTestDatabase.CreateAsync();
        await using var target = await PostgresTestDatabase.CreateAsync();
        var store = source.Url.Replace("postgres@", "postgres:s3cret@", StringComparison.Ordinal);
        var file = Path.Combine(_directory, "marks.csv");
        await File.WriteAllTextAsync(file, "student_id,gender,math score\nA1,F,55\nA2,M,61\n");
        Assert.Equal(0, (await CliProcess.RunAsync("import", file, "--store", store)).ExitCode);

        var backupFile = Path.Combine(_directory, "pg.backup.duckdb");
        var backup = await CliProcess.RunAsync("backup", "--store", store, "--out", backupFile);
        var restore = await CliProcess.RunAsync("restore", backupFile, "--store", target.Url);
        var again = await CliProcess.RunAsync("restore", backupFile, "--store", target.Url);
        var info = await CliProcess.RunAsync("info", "--store", target.Url, "--format", "json");

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("Backed up", backup.Out, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Contains("Restored", restore.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--yes", again.Error, StringComparison.Ordinal);
        Assert.Contains("\"students\": 2", info.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", backup.Out + backup.Error + restore.Out + restore.Error, StringComparison.Ordinal);
    }
}
