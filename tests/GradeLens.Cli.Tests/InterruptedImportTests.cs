using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GradeLens.Core.Benchmarks;

namespace GradeLens.Cli.Tests;

public sealed class InterruptedImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_import_killed_while_writing_leaves_the_store_exactly_as_it_was()
    {
        var store = Path.Combine(_directory, "s.duckdb");
        var small = Path.Combine(_directory, "small.csv");
        await File.WriteAllTextAsync(small, "student_id,gender,math score\nA1,F,55\nA2,M,61\n");
        Assert.Equal(0, (await CliProcess.RunAsync("import", small, "--store", store)).ExitCode);
        var before = (await CliProcess.RunAsync("info", "--store", store, "--format", "json")).Out;

        var big = Path.Combine(_directory, "national.csv");
        NationalCsvWriter.Write(big, students: 60_000);
        var info = CliProcess.StartInfo("import", big, "--store", store);
        info.Environment["GRADELENS_TRACE"] = "1";
        info.Environment["GRADELENS_PAUSE_BEFORE_COMMIT_MS"] = "60000";
        using var process = Process.Start(info)!;
        var stderr = new StringBuilder();
        // Kill once every row is written inside the open transaction, before the commit.
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            stderr.AppendLine(line);
            if (line.Contains("paused before commit", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        await process.WaitForExitAsync();
        Assert.Contains("results written", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("paused before commit", stderr.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(0, process.ExitCode);

        var after = await CliProcess.RunAsync("info", "--store", store, "--format", "json");
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(before, after.Out);
        using var json = JsonDocument.Parse(after.Out);
        Assert.Equal(2, json.RootElement.GetProperty("students").GetInt64());
    }
}
