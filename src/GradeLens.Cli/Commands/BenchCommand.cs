using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Import;
using GradeLens.Core.Storage.DuckDb;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens bench ...</c>: speed and memory figures. Each ends with one JSON line of its figures.</summary>
public static class BenchCommand
{
    public static Command Create() => new("bench", "Benchmarks; each prints its figures and ends with one JSON line.") { ImportBench(), Bench.BenchTrackingCommand.Create(), BenchGaps.Create(), RiskBench.Create(), Bench.BenchLoadCommand.Create(), Bench.BenchModelsCommand.Create(), Bench.BenchAreasCommand.Create(), Bench.BenchQualityCommand.Create() };

    private static Command ImportBench()
    {
        var students = new Option<int>("--students") { Description = "Students to generate (x 4 subjects = rows).", DefaultValueFactory = _ => 1_000_000 };
        var csv = new Option<string?>("--csv") { Description = "Write (or reuse, with --reuse) the CSV here and keep it.", HelpName = "PATH" };
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the CSV at --csv if it exists." };
        var command = new Command("import", "Write a national-style long CSV (N students x 4 subjects) and time its import into a new store.") { students, csv, reuse };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(students);
            if (count <= 0)
            {
                await Console.Error.WriteLineAsync("gradelens: --students must be a positive number.");
                return ExitCodes.Usage;
            }

            var work = Directory.CreateTempSubdirectory("gradelens-bench-").FullName;
            var file = parse.GetValue(csv) ?? Path.Combine(work, "national.csv");
            try
            {
                WriteCsv(file, count, parse.GetValue(reuse));

                await using var store = await DuckDbStore.OpenAsync(Path.Combine(work, "bench.duckdb"), cancellationToken);
                var clock = Stopwatch.StartNew();
                var report = await ProgressDisplay.RunAsync(p => store.ImportAsync(new ImportRequest([file]), p, cancellationToken));
                var seconds = clock.Elapsed.TotalSeconds;
                if (!report.Succeeded)
                {
                    await Console.Error.WriteLineAsync("gradelens: the benchmark import failed: " + report.Message);
                    return ExitCodes.BadInput;
                }

                var rows = report.Tables.Sum(t => t.Rows);
                var figures = new Dictionary<string, object>
                {
                    ["students"] = count,
                    ["rows"] = rows,
                    ["file_mb"] = Math.Round(new FileInfo(file).Length / 1e6, 1),
                    ["seconds"] = Math.Round(seconds, 3),
                    ["rows_per_second"] = Math.Round(rows / seconds),
                    ["peak_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6),
                };
                AnsiConsole.WriteLine(report.Message);
                AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Imported {rows:N0} rows in {seconds:0.00} s ({rows / seconds:N0} rows/s); peak memory {figures["peak_mb"]} MB."));
                Console.WriteLine(JsonSerializer.Serialize(figures));
                return ExitCodes.Success;
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }

    /// <summary>The benchmark's national CSV (N students x 4 subjects), unless <paramref name="reuse"/> and it exists.</summary>
    internal static void WriteCsv(string file, int students, bool reuse)
    {
        if (!(reuse && File.Exists(file)))
        {
            AnsiConsole.WriteLine($"Writing {students:N0} students x 4 subjects to {file} ...");
            NationalCsvWriter.Write(file, students);
        }
    }
}
