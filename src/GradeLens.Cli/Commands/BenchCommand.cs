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
    public static Command Create() => new("bench", "Benchmarks; each prints its figures and ends with one JSON line.") { ImportBench(), Bench.BenchTrackingCommand.Create(), BenchGaps.Create(), RiskBench.Create(), Bench.BenchLoadCommand.Create(), Bench.BenchModelsCommand.Create(), Bench.BenchAreasCommand.Create(), Bench.BenchQualityCommand.Create(), Bench.BenchHostileCommand.Create() };

    private static Command ImportBench()
    {
        var students = new Option<int>("--students") { Description = "Students to generate (x 4 subjects = rows).", DefaultValueFactory = _ => 1_000_000 };
        var csv = new Option<string?>("--csv") { Description = "Write (or reuse, with --reuse) the CSV here and keep it.", HelpName = "PATH" };
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the CSV at --csv if it exists." };
        var pandas = new Option<double?>("--pandas-seconds") { Description = "pandas read_csv's time for the same file in the same session (measured apart): adds the import's ratio to it.", HelpName = "S" };
        var command = new Command("import", "Write a national-style long CSV (N students x 4 subjects), time its import into a new store and DuckDB's plain read of it (the floor).") { students, csv, reuse, pandas };
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
                var report = await ProgressDisplay.RunAsync(p => store.ImportAsync(new ImportRequest([file], Exclusive: true), p, cancellationToken));
                var seconds = clock.Elapsed.TotalSeconds;
                if (!report.Succeeded)
                {
                    await Console.Error.WriteLineAsync("gradelens: the benchmark import failed: " + report.Message);
                    return ExitCodes.BadInput;
                }

                var rows = report.Tables.Sum(t => t.Rows);
                var peak = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6);
                var floor = await ImportFloor.SecondsAsync(file, Path.Combine(work, "floor.duckdb"), cancellationToken);
                var figures = new Dictionary<string, object>
                {
                    ["students"] = count,
                    ["rows"] = rows,
                    ["file_mb"] = Math.Round(new FileInfo(file).Length / 1e6, 1),
                    ["seconds"] = Math.Round(seconds, 3),
                    ["rows_per_second"] = Math.Round(rows / seconds),
                    ["peak_mb"] = peak,
                    ["duckdb_read_seconds"] = Math.Round(floor, 3),
                    ["ratio_to_duckdb_read"] = Math.Round(seconds / floor, 2),
                };
                if (parse.GetValue(pandas) is > 0 and var pandasSeconds)
                {
                    figures["pandas_read_csv_seconds"] = pandasSeconds;
                    figures["ratio_to_pandas"] = Math.Round(seconds / pandasSeconds, 2);
                }
                AnsiConsole.WriteLine(report.Message);
                AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Imported {rows:N0} rows in {seconds:0.00} s ({rows / seconds:N0} rows/s); peak memory {figures["peak_mb"]} MB; DuckDB's plain read of the file: {floor:0.00} s ({seconds / floor:0.0}x)."));
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
