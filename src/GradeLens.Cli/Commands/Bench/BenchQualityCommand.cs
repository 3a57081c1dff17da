using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Quality;
using GradeLens.Core.Quality.Import;
using GradeLens.Core.Storage.DuckDb;
using GradeLens.Web;
using Spectre.Console;

namespace GradeLens.Cli.Commands.Bench;

/// <summary>
/// <c>gradelens bench quality</c>: writes a university of N students as its CSV tables (<see cref="QualityCsvWriter"/>),
/// times their import into a new store, then every Quality API answer: each distinct request once (its first answer),
/// then from concurrent clients (warm). Targets at 200,000 students on 2 cores: import ≤ 10 s, first answer ≤ 2 s,
/// warm p95 ≤ 100 ms under 10 clients.
/// </summary>
public static class BenchQualityCommand
{
    private const string Organisation = "bench";

    /// <summary>Outstanding work is aged to this day on every request, so the answers are the same whenever the bench runs.</summary>
    private const string AsOf = "2026-01-15";

    public static Command Create()
    {
        var students = new Option<int>("--students") { Description = "Students of the generated university (at 200,000: 40 programmes, about 2,000 modules, 10 assessments each).", DefaultValueFactory = _ => 200_000 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients for the warm answers.", DefaultValueFactory = _ => 10 };
        var seconds = new Option<int>("--seconds") { Description = "How long the concurrent clients run.", DefaultValueFactory = _ => 20 };
        var keep = new Option<string?>("--keep-store") { Description = "Build the store here and keep it.", HelpName = "PATH" };
        var command = new Command("quality", "Write a university's tables (N students), time their import, then every Quality API answer: first, and warm under concurrent clients.")
        {
            students, clients, seconds, keep,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(students);
            if (count < 100 || parse.GetValue(clients) <= 0 || parse.GetValue(seconds) <= 0)
            {
                await Console.Error.WriteLineAsync("gradelens: --students must be at least 100, and --clients and --seconds positive numbers.");
                return ExitCodes.Usage;
            }

            var work = Directory.CreateTempSubdirectory("gradelens-bench-").FullName;
            try
            {
                var path = parse.GetValue(keep) ?? Path.Combine(work, "quality.duckdb");
                var built = await BuildStoreAsync(path, Path.Combine(work, "tables"), count, cancellationToken);
                if (built is null)
                {
                    return ExitCodes.BadInput;
                }

                return await MeasureAsync(path, count, built.Value, parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }

    private static async Task<(double Seconds, IReadOnlyDictionary<string, long> Rows)?> BuildStoreAsync(string path, string folder, int count, CancellationToken cancellationToken)
    {
        File.Delete(path);
        AnsiConsole.WriteLine($"Writing a university of {count:N0} students as CSV tables to {folder} ...");
        var clock = Stopwatch.StartNew();
        QualityCsvWriter.Write(folder, count, seed: 13);
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written in {clock.Elapsed.TotalSeconds:0.0} s."));
        await using var store = await DuckDbStore.OpenAsync(path, cancellationToken);
        clock.Restart();
        var report = await store.ImportQualityAsync([folder], Organisation, cancellationToken: cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        if (!report.Succeeded)
        {
            await Console.Error.WriteLineAsync("gradelens: the benchmark import failed: " + report.Message);
            return null;
        }

        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported in {seconds:0.00} s: {report.Message}"));
        return (seconds, report.Written);
    }

    private static async Task<int> MeasureAsync(string path, int count, (double Seconds, IReadOnlyDictionary<string, long> Rows) built, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var app = WebApp.Build(new WebAppOptions(path, Urls: "http://127.0.0.1:0", AutomaticSignIn: true), ["--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        var load = new TrackingLoad(http);
        var plan = await PlanAsync(http, cancellationToken);

        AnsiConsole.WriteLine($"First answers: each of {plan.Count} distinct requests once, one at a time ...");
        var cold = await load.ColdAsync(plan, cancellationToken);
        LoadFigures.Print(cold);
        AnsiConsole.WriteLine($"Warm: {clients} clients for {duration.TotalSeconds:0} s ...");
        var warm = await load.ConcurrentAsync(plan, clients, duration, cancellationToken);
        LoadFigures.Print(warm);

        var figures = new Dictionary<string, object>
        {
            ["students"] = count,
            ["clients"] = clients,
            ["load_average"] = LoadAverage(),
            ["modules"] = built.Rows.GetValueOrDefault(QualityTables.Modules.Name),
            ["assessments"] = built.Rows.GetValueOrDefault(QualityTables.Assessments.Name),
            ["grades"] = built.Rows.GetValueOrDefault(QualityTables.Grades.Name),
            ["rows"] = built.Rows.Values.Sum(),
            ["import_seconds"] = Math.Round(built.Seconds, 2),
            ["first_max_ms"] = cold.Max(l => l.MaxMs),
        };
        foreach (var (name, value) in LoadFigures.Of(warm, cold, load.Errors, duration.TotalSeconds, null))
        {
            figures[name] = value;
        }

        foreach (var endpoint in cold)
        {
            figures[$"first_max_ms_{endpoint.Endpoint}"] = endpoint.MaxMs;
        }

        var p95 = (double)figures["p95_ms"];
        figures["targets_met"] = new Dictionary<string, bool>
        {
            ["import_10_s"] = built.Seconds <= 10,
            ["first_2_s"] = cold.Max(l => l.MaxMs) <= 2_000,
            ["warm_p95_100_ms"] = warm.Where(l => l.Endpoint != "all").All(l => l.P95Ms <= 100) && p95 <= 100,
        };
        await app.StopAsync(cancellationToken);
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return load.Errors == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    /// <summary>Every Quality endpoint unfiltered and narrowed to each faculty, to the first programmes and to each term, as the page asks.</summary>
    private static async Task<IReadOnlyList<(string Endpoint, string Url)>> PlanAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var choices = await http.GetFromJsonAsync<QualityChoices>("/api/quality/choices", Json, cancellationToken)
            ?? throw new InvalidOperationException("The choices endpoint answered nothing.");
        var filters = new List<string> { "" };
        filters.AddRange(choices.Faculties.Take(5).Select(f => "faculty=" + Uri.EscapeDataString(f)));
        filters.AddRange(choices.Programmes.Take(5).Select(p => "programme=" + Uri.EscapeDataString(p.ProgrammeId)));
        filters.AddRange(choices.Terms.Select(t => "term=" + Uri.EscapeDataString(t)));
        var plan = new List<(string, string)> { ("choices", "/api/quality/choices") };
        foreach (var endpoint in new[] { "pass-rates", "trends", "turnaround", "engagement", "at-risk" })
        {
            foreach (var filter in filters)
            {
                var query = endpoint == "turnaround" ? $"asOf={AsOf}" + (filter.Length > 0 ? "&" + filter : "") : filter;
                plan.Add((endpoint, $"/api/quality/{endpoint}{(query.Length > 0 ? "?" + query : "")}"));
            }
        }

        return plan;
    }

    private static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The 1-minute load average (Linux), to read the figures by: the targets are for an otherwise idle 2-core machine.</summary>
    private static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return -1;
        }
    }
}
