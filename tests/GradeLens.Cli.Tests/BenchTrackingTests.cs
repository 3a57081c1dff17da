using System.Text.Json;

namespace GradeLens.Cli.Tests;

public sealed class BenchTrackingTests
{
    [Fact]
    public async Task Bench_tracking_calls_every_endpoint_without_an_error_and_ends_with_one_json_line_of_its_figures()
    {
        var (code, output, error) = await CliProcess.RunAsync("bench", "tracking", "--students", "1000", "--seconds", "2", "--clients", "2");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        var figures = json.RootElement;
        Assert.Equal(1000, figures.GetProperty("students").GetInt32());
        Assert.Equal(2, figures.GetProperty("clients").GetInt32());
        Assert.Equal(0, figures.GetProperty("errors").GetInt32());
        Assert.True(figures.GetProperty("requests").GetInt32() > 0);
        Assert.True(figures.GetProperty("p95_ms").GetDouble() > 0);
        // The cold pass makes every distinct request once, so every endpoint has its figure.
        foreach (var endpoint in new[] { "series", "students", "baseline", "backtest", "groups", "subjects" })
        {
            Assert.True(figures.GetProperty($"cold_p50_ms_{endpoint}").GetDouble() > 0, endpoint);
        }
    }
}
