using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Import;
using GradeLens.Core.Models;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;
using GradeLens.Web;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GradeLens.Cli.Commands.Bench;

/// <summary><c>gradelens bench tracking</c>: builds a store of N tracked students and times every Tracking API call.</summary>
public static class BenchTrackingCommand
{
    public static Command Create()
    {
        var students = new Option<int>("--students") { Description = "Students to generate (x 2 subjects x 4 series).", DefaultValueFactory = _ => 1_000_000 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients (default 4: two per core on the 2-core reference machine).", DefaultValueFactory = _ => 4 };
        var seconds = new Option<int>("--seconds") { Description = "How long the concurrent clients run.", DefaultValueFactory = _ => 20 };
        var storePath = new Option<string?>("--keep-store") { Description = "Build the store here and keep it; with --reuse, use it if it exists.", HelpName = "PATH" };
        var reuse = new Option<bool>("--reuse") { Description = "Reuse the store at --keep-store if it exists." };
        var command = new Command("tracking", "Build a store of N students (2 subjects, baseline + 3 series) and time every Tracking API call, cold and under concurrent clients.")
        {
            students, clients, seconds, storePath, reuse,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(students);
            if (count <= 0 || parse.GetValue(clients) <= 0 || parse.GetValue(seconds) <= 0)
            {
                await Console.Error.WriteLineAsync("gradelens: --students, --clients and --seconds must be positive numbers.");
                return ExitCodes.Usage;
            }

            var work = Directory.CreateTempSubdirectory("gradelens-bench-").FullName;
            try
            {
                var path = parse.GetValue(storePath) ?? Path.Combine(work, "tracking.duckdb");
                double? importSeconds = null;
                if (!(parse.GetValue(reuse) && File.Exists(path)))
                {
                    importSeconds = await BuildStoreAsync(path, Path.Combine(work, "tracking.csv"), count, cancellationToken);
                    if (importSeconds is null)
                    {
                        return ExitCodes.BadInput;
                    }
                }

                return await MeasureAsync(path, count, importSeconds, parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }

    private static async Task<double?> BuildStoreAsync(string path, string csv, int count, CancellationToken cancellationToken)
    {
        File.Delete(path);
        AnsiConsole.WriteLine($"Writing {count:N0} students x {TrackingCsvWriter.Subjects.Length} subjects x {TrackingCsvWriter.Series.Length} series to {csv} ...");
        TrackingCsvWriter.Write(csv, count);
        await using var store = await DuckDbStore.OpenAsync(path, cancellationToken);
        var clock = Stopwatch.StartNew();
        var report = await ProgressDisplay.RunAsync(p => store.ImportAsync(new ImportRequest([csv], TrackingCsvWriter.Mapping), p, cancellationToken));
        if (!report.Succeeded)
        {
            await Console.Error.WriteLineAsync("gradelens: the benchmark import failed: " + report.Message);
            return null;
        }

        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Built the store in {clock.Elapsed.TotalSeconds:0.0} s: {report.Message}"));
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<int> MeasureAsync(string path, int count, double? importSeconds, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var app = WebApp.Build(new WebAppOptions(path, Urls: "http://127.0.0.1:0", AutomaticSignIn: true), ["--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(cancellationToken);
        // A server fits each model page's default model in the background when it sees new data (Web/Models/DefaultModelFits):
        // a one-off after an import that would share the two cores with the timed requests. Tracking is timed once it is done.
        AnsiConsole.WriteLine("Waiting for the server's background fits of the model pages' defaults (once per data version) ...");
        var fitting = Stopwatch.StartNew();
        await DefaultModels.FitAsync(app.Services.GetRequiredService<IGradeStore>(), cancellationToken);
        var fitSeconds = Math.Round(fitting.Elapsed.TotalSeconds, 1);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        var load = new TrackingLoad(http);
        var plan = await load.PlanAsync(cancellationToken);

        AnsiConsole.WriteLine($"Cold: each of {plan.Count} distinct requests once, one at a time ...");
        var cold = await load.ColdAsync(plan, cancellationToken);
        LoadFigures.Print(cold);
        AnsiConsole.WriteLine($"Concurrent: {clients} clients for {duration.TotalSeconds:0} s ...");
        var warm = await load.ConcurrentAsync(plan, clients, duration, cancellationToken);
        LoadFigures.Print(warm);

        var figures = new Dictionary<string, object> { ["students"] = count, ["clients"] = clients };
        foreach (var (name, value) in LoadFigures.Of(warm, cold, load.Errors, duration.TotalSeconds, importSeconds))
        {
            figures[name] = value;
        }

        figures["default_model_fits_seconds"] = fitSeconds;

        await app.StopAsync(cancellationToken);
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return load.Errors == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }
}
