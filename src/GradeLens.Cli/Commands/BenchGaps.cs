using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Gaps;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary>
/// <c>gradelens bench gaps</c>: builds the import benchmark's store (N students x 4 subjects), then times the full
/// region x grade x subject table with gender gaps, both tests, Hedges' g and Benjamini-Hochberg, from the stored data.
/// </summary>
public static class BenchGaps
{
    public static Command Create()
    {
        var students = new Option<int>("--students") { Description = "Students to generate (x 4 subjects = results).", DefaultValueFactory = _ => 1_000_000 };
        var csv = new Option<string?>("--csv") { Description = "Write (or reuse, with --reuse) the CSV here and keep it.", HelpName = "PATH" };
        var store = new Option<string?>("--store") { Description = "Build the store here and keep it (with --reuse, use it if it exists).", HelpName = "PATH" };
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the CSV at --csv and the store at --store if they exist." };
        var runs = new Option<int>("--runs") { Description = "Timed runs after the first.", DefaultValueFactory = _ => 20 };
        var command = new Command("gaps", "Build the import benchmark's store and time the region x grade x subject gaps table with gender gaps, tests and BH.")
        {
            students, csv, store, reuse, runs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(students);
            if (count <= 0 || parse.GetValue(runs) <= 0)
            {
                await Console.Error.WriteLineAsync("gradelens: --students and --runs must be positive numbers.");
                return ExitCodes.Usage;
            }

            var work = Directory.CreateTempSubdirectory("gradelens-bench-").FullName;
            try
            {
                var path = parse.GetValue(store) ?? Path.Combine(work, "bench.duckdb");
                var clock = Stopwatch.StartNew();
                if (!(parse.GetValue(reuse) && File.Exists(path)))
                {
                    var file = parse.GetValue(csv) ?? Path.Combine(work, "national.csv");
                    BenchCommand.WriteCsv(file, count, parse.GetValue(reuse));
                    File.Delete(path);
                    await using var building = await DuckDbStore.OpenAsync(path, cancellationToken);
                    var report = await ProgressDisplay.RunAsync(p => building.ImportAsync(new ImportRequest([file]), p, cancellationToken));
                    if (!report.Succeeded)
                    {
                        await Console.Error.WriteLineAsync("gradelens: the benchmark import failed: " + report.Message);
                        return ExitCodes.BadInput;
                    }
                }

                var buildSeconds = clock.Elapsed.TotalSeconds;
                return await TimeAsync(path, count, parse.GetValue(runs), buildSeconds, cancellationToken);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }

    private static async Task<int> TimeAsync(string path, int students, int runs, double buildSeconds, CancellationToken cancellationToken)
    {
        // Peak memory of the timed part only: the import before it peaks far higher. Linux resets the high-water mark on "5".
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var peakReset = TryResetPeakMemory();
        await using var store = await DuckDbStore.OpenAsync(path, cancellationToken);
        var request = new GapRequest(GapRequest.DefaultAttribute, [GapDimension.Region, GapDimension.GradeLevel]);
        var minimum = GapAnalysis.MinimumCellSize(Scope.Everything, request);

        // Timed as a first request each run: no kept answer (the derived tables stay built, as between two imports).
        async Task<GapTable> ComputeAsync()
        {
            store.Answers.Clear();
            var aggregates = await store.GetGroupAggregatesAsync(Scope.Everything, request, cancellationToken);
            return GapAnalysis.Compute(aggregates, request, minimum);
        }

        var clock = Stopwatch.StartNew();
        var table = await ComputeAsync();
        var first = clock.Elapsed.TotalSeconds;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            table = await ComputeAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double Percentile(double p) => times[(int)Math.Ceiling(p * times.Count) - 1];
        var figures = new Dictionary<string, object>
        {
            ["students"] = students,
            ["results"] = table.Cells.Where(c => c.Region is null && c.GradeLevel is null).Sum(c => c.Students ?? 0),
            ["cells"] = table.Cells.Count,
            ["gaps"] = table.Gaps.Count,
            ["significant"] = table.Gaps.Count(g => g.Significant),
            ["build_seconds"] = Math.Round(buildSeconds, 1),
            ["first_seconds"] = Math.Round(first, 3),
            ["runs"] = runs,
            ["seconds"] = Math.Round(Percentile(0.5) / 1000, 4),
            ["p50_ms"] = Math.Round(Percentile(0.5), 1),
            ["p90_ms"] = Math.Round(Percentile(0.9), 1),
            ["min_ms"] = Math.Round(times[0], 1),
            ["peak_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6),
            ["peak_mb_covers"] = peakReset ? "timed part" : "whole process",
        };
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{figures["cells"]} cells (region x grade x subject and every total), {figures["gaps"]} gender gaps with Welch, z, Hedges' g and BH: " +
            $"first {first:0.000} s (builds the derived table), then p50 {figures["p50_ms"]} ms, p90 {figures["p90_ms"]} ms over {runs} runs; peak memory {figures["peak_mb"]} MB ({figures["peak_mb_covers"]})."));
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return ExitCodes.Success;
    }

    private static bool TryResetPeakMemory()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
