using System.Text.Json;

namespace GradeLens.Cli.Tests;

public sealed class BenchLoadTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("gradelens-bench-load-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Bench_load_signs_in_with_an_api_key_reaches_every_endpoint_without_an_error_and_ends_with_its_figures()
    {
        var store = Path.Combine(_directory.FullName, "load.duckdb");
        var (code, output, error) = await CliProcess.RunAsync("bench", "load", "--store", store, "--students", "600", "--seconds", "2", "--clients", "3");

        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        var figures = json.RootElement;
        Assert.Equal(("duckdb", 600, 3, 0), (figures.GetProperty("store").GetString(), figures.GetProperty("students").GetInt32(),
            figures.GetProperty("clients").GetInt32(), figures.GetProperty("errors").GetInt32()));
        Assert.True(figures.GetProperty("requests").GetInt32() > 0);
        foreach (var endpoint in new[] { "series", "students", "baseline", "backtest", "groups", "subjects", "overview", "me", "gaps", "priorities" })
        {
            Assert.True(figures.GetProperty($"cold_p50_ms_{endpoint}").GetDouble() > 0, endpoint);
        }

        // A second run reuses the students already in the store.
        var (again, second, _) = await CliProcess.RunAsync("bench", "load", "--store", store, "--students", "600", "--seconds", "1", "--clients", "2");
        Assert.Equal(0, again);
        Assert.False(JsonDocument.Parse(second.TrimEnd().Split('\n')[^1]).RootElement.TryGetProperty("build_seconds", out _));
    }
}
