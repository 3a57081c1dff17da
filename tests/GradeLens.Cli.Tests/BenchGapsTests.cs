using System.Text.Json;

namespace GradeLens.Cli.Tests;

public sealed class BenchGapsTests
{
    [Fact]
    public async Task Bench_gaps_ends_with_one_json_line_of_its_figures()
    {
        var (code, output, error) = await CliProcess.RunAsync("bench", "gaps", "--students", "2000", "--runs", "3");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        var figures = json.RootElement;
        Assert.Equal(2000, figures.GetProperty("students").GetInt32());
        Assert.Equal(8000, figures.GetProperty("results").GetInt64());
        // 4 subjects x (8 regions x 6 grades + 8 + 6 + 1): every cell has students at 2,000 (about 40 per region and grade).
        Assert.Equal(252, figures.GetProperty("cells").GetInt32());
        Assert.Equal(3, figures.GetProperty("runs").GetInt32());
        Assert.True(figures.GetProperty("p50_ms").GetDouble() > 0);
        Assert.True(figures.GetProperty("peak_mb").GetDouble() > 0);
    }
}
