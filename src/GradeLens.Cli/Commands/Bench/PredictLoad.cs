using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using GradeLens.Core.Accounts;
using GradeLens.Core.Areas;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage.DuckDb;
using GradeLens.Web;
using Spectre.Console;

namespace GradeLens.Cli.Commands.Bench;

/// <summary>
/// The what-if API under load: a synthetic panel imported through the ordinary import into a throwaway store, the app
/// on 127.0.0.1, one warm-up request (it fits the models, kept per data version), then concurrent clients posting
/// plausible figures, each answer checked.
/// </summary>
public static class PredictLoad
{
    private const string Organisation = "bench";

    public static async Task<IReadOnlyList<(string Name, object Value)>> MeasureAsync(int areas, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("gradelens-bench-areas-").FullName;
        try
        {
            var store = Path.Combine(work, "areas.duckdb");
            var (importSeconds, key) = await ImportAsync(store, Path.Combine(work, "areas.csv"), areas, cancellationToken);
            await using var app = WebApp.Build(new WebAppOptions(store, Urls: "http://127.0.0.1:0"), ["--Logging:LogLevel:Default=Warning"]);
            await app.StartAsync(cancellationToken);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
            // A script's way in: an analyst's API key (areas are aggregates), which carries no cookie and needs no antiforgery token.
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

            var clock = Stopwatch.StartNew();
            var errors = await PostAsync(http, new Random(0), cancellationToken) is null ? 1 : 0;
            var firstMs = clock.Elapsed.TotalMilliseconds;
            AnsiConsole.WriteLine($"Predict API: {clients} clients for {duration.TotalSeconds:0} s on {areas:N0} areas x {SyntheticAreas.Years} years (first answer, fitting the models: {firstMs:0} ms) ...");
            var (predict, predictCpu, failed) = await RunAsync("predict", clients, duration, random => PostAsync(http, random, cancellationToken), cancellationToken);
            AnsiConsole.WriteLine($"The same clients on GET /api/me (who is signed in: the floor of any signed-in request on this machine) ...");
            var (me, meCpu, _) = await RunAsync("me", clients, duration, async _ =>
            {
                var began = Stopwatch.StartNew();
                using var response = await http.GetAsync("/api/me", cancellationToken);
                return response.IsSuccessStatusCode ? began.Elapsed.TotalMilliseconds : null;
            }, cancellationToken);
            LoadFigures.Print([predict, me]);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU per answer (server and clients together): predict {predictCpu:0.00} ms, me {meCpu:0.00} ms."));
            await app.StopAsync(cancellationToken);
            return
            [
                ("api_areas", areas), ("api_import_seconds", Math.Round(importSeconds, 1)), ("api_clients", clients), ("api_requests", predict.Requests),
                ("api_errors", errors + failed), ("api_requests_per_second", Math.Round(predict.Requests / duration.TotalSeconds, 1)),
                ("api_first_ms", Math.Round(firstMs, 1)), ("api_cpu_ms_per_request", Math.Round(predictCpu, 2)),
                ("api_p50_ms", predict.P50Ms), ("api_p95_ms", predict.P95Ms), ("api_max_ms", predict.MaxMs),
                ("me_p95_ms", me.P95Ms), ("me_cpu_ms_per_request", Math.Round(meCpu, 2)),
            ];
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// <paramref name="clients"/> clients sending requests for <paramref name="duration"/>: their latencies, the CPU time of
    /// this process per answer (server and clients share it: an upper bound on the server's, whatever else the machine
    /// runs), and the failures.
    /// </summary>
    private static async Task<(Latencies Latencies, double CpuMs, int Failed)> RunAsync(string endpoint, int clients, TimeSpan duration, Func<Random, Task<double?>> request, CancellationToken cancellationToken)
    {
        var timings = new ConcurrentBag<double>();
        var failed = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(1, clients).Select(async c =>
        {
            var random = new Random(c);
            while (until.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                if (await request(random) is { } ms)
                {
                    timings.Add(ms);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, timings.Count);
        return (Latencies.Of(endpoint, [.. timings]), cpuMs, failed);
    }

    /// <summary>One what-if request with figures drawn inside plausible ranges; its time in ms, or null when it failed.</summary>
    private static async Task<double?> PostAsync(HttpClient http, Random random, CancellationToken cancellationToken)
    {
        var body = new
        {
            povertyPercent = Math.Round(4 + (random.NextDouble() * 26), 1),
            medianIncome = Math.Round(30_000 + (random.NextDouble() * 70_000)),
            unemploymentRate = Math.Round(2 + (random.NextDouble() * 10), 1),
        };
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync("/api/areas/predict", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var ms = clock.Elapsed.TotalMilliseconds;
        return response.IsSuccessStatusCode && text.Contains("\"predictionLower\"", StringComparison.Ordinal) ? ms : null;
    }

    /// <summary>The synthetic panel as one wide CSV (area, region, year, 5 measures, 4 scores), imported with its mapping, and an analyst's API key.</summary>
    private static async Task<(double Seconds, string Key)> ImportAsync(string store, string csv, int areas, CancellationToken cancellationToken)
    {
        var panel = SyntheticAreas.Generate(areas, seed: 13);
        AreaCsvWriter.Write(panel, csv);
        var mapping = new ImportMapping
        {
            Kind = TableKind.Areas,
            Columns =
            [
                new() { Header = "area", Role = ColumnRole.Area, AreaLevel = "district" },
                new() { Header = "parent", Role = ColumnRole.Area, AreaLevel = "region" },
                new() { Header = "year", Role = ColumnRole.Year },
                .. panel.MeasureNames.Select(m => new ColumnMapping { Header = m, Role = ColumnRole.Measure, Measure = m }),
                .. panel.ScoreNames.Select(s => new ColumnMapping
                {
                    Header = s, Role = ColumnRole.AreaScore, Subject = s[..s.IndexOf(" grade ", StringComparison.Ordinal)], GradeLevel = s[(s.LastIndexOf(' ') + 1)..],
                }),
            ],
        };
        await using var duck = await DuckDbStore.OpenAsync(store, cancellationToken);
        var clock = Stopwatch.StartNew();
        var report = await duck.ImportAsync(new ImportRequest([csv], mapping, Organisation: Organisation), null, cancellationToken);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("The benchmark's areas did not import: " + report.Message);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {panel.Rows:N0} area-years into the API's store in {seconds:0.0} s."));
        var accounts = new AccountService(duck.Accounts);
        await accounts.AddUserAsync(new NewUser("bench-analyst", Role.Analyst, Organisation, [], []), AccountService.GeneratePassword(), cancellationToken);
        return (seconds, (await accounts.IssueApiKeyAsync("bench-analyst", "bench areas", cancellationToken))!);
    }
}
