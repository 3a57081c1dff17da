using System.Text.Json;

namespace GradeLens.Cli.Tests;

public sealed class BenchHostileTests
{
    [Fact]
    public async Task Bench_hostile_ends_with_one_json_line_of_counts_without_a_defect()
    {
        var (code, output, error) = await CliProcess.RunAsync("bench", "hostile", "--seeds", "1", "--kinds", "20", "--kills", "2", "--kill-students", "3000");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        var figures = json.RootElement;
        Assert.Equal("hostile", figures.GetProperty("bench").GetString());
        Assert.Equal(20, figures.GetProperty("kinds").GetInt32());
        // Each file twice: as a server imports it, and on the command line skipping bad rows; once more on PostgreSQL
        // when the test server is there (the bench takes $GRADELENS_TEST_POSTGRES, as the test command sets it).
        var tried = Environment.GetEnvironmentVariable("GRADELENS_TEST_POSTGRES") is { Length: > 0 } ? 60 : 40;
        Assert.Equal(tried, figures.GetProperty("files_tried").GetInt32());
        Assert.Equal(tried, figures.GetProperty("refused").GetInt32() + figures.GetProperty("rows_rejected").GetInt32() + figures.GetProperty("imported").GetInt32());
        foreach (var failure in new[] { "crashes", "stack_traces", "accepted_garbage", "store_changes", "leaks", "undo_mismatches", "kills_inconsistent" })
        {
            Assert.True(figures.GetProperty(failure).GetInt32() == 0, $"{failure}: {error}");
        }

        Assert.Equal(2, figures.GetProperty("kills_tried").GetInt32());
        Assert.Equal(2, figures.GetProperty("kills_as_it_was").GetInt32() + figures.GetProperty("kills_whole").GetInt32());
        Assert.Contains("test suite", figures.GetProperty("differencing").GetString(), StringComparison.Ordinal);
        Assert.True(figures.GetProperty("seconds").GetDouble() > 0);
        // Progress goes to stderr; stdout ends with the figures.
        Assert.Contains("hostile files", error, StringComparison.Ordinal);
    }
}
