using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Cli.Tests;

public sealed class BusyStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-busy-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Importing_into_a_store_another_process_owns_says_to_use_the_server_and_changes_nothing()
    {
        var store = Path.Combine(_directory, "s.duckdb");
        var file = Path.Combine(_directory, "marks.csv");
        await File.WriteAllTextAsync(file, "student_id,gender,math score\nA1,F,55\n");
        await using (await DuckDbStore.OpenAsync(store))
        {
            var (code, _, error) = await CliProcess.RunAsync("import", file, "--store", store);
            Assert.Equal(1, code);
            Assert.Contains("is in use by another GradeLens process", error, StringComparison.Ordinal);
            Assert.Contains("POST /api/imports", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }

        var info = await CliProcess.RunAsync("info", "--store", store, "--format", "json");
        Assert.Contains("\"students\": 0", info.Out, StringComparison.Ordinal);
    }
}
