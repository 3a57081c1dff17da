using GradeLens.Core.Tests.Storage;

namespace GradeLens.Web.Tests.Cli;

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
}
