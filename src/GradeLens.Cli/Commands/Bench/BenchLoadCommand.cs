using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Accounts;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Web;
using Spectre.Console;

namespace GradeLens.Cli.Commands.Bench;

/// <summary>
/// <c>gradelens bench load</c>: many signed-in clients (API keys of a leader) for a fixed time against the app over a
/// shared store, PostgreSQL in a trust's deployment. Builds N tracked students into the store first unless it holds them.
/// </summary>
public static class BenchLoadCommand
{
    private const string Organisation = "bench-trust";
    private const string BenchUser = "bench-leader";

    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var students = new Option<int>("--students") { Description = "Students to build into the store when it holds none (x 2 subjects x 4 series).", DefaultValueFactory = _ => 1_000_000 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 50 };
        var seconds = new Option<int>("--seconds") { Description = "How long the clients run.", DefaultValueFactory = _ => 60 };
        var command = new Command("load", "Run concurrent signed-in clients against the dashboard's API over a store (a postgres:// URL for the shared server); p95 per endpoint.")
        {
            store, students, clients, seconds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(students);
            if (count <= 0 || parse.GetValue(clients) <= 0 || parse.GetValue(seconds) <= 0)
            {
                await Console.Error.WriteLineAsync("gradelens: --students, --clients and --seconds must be positive numbers.");
                return ExitCodes.Usage;
            }

            var location = StoreLocation.Resolve(parse.GetValue(store));
            var (built, key) = await PrepareAsync(location, count, cancellationToken);
            if (key is null)
            {
                return ExitCodes.BadInput;
            }

            return await MeasureAsync(location, key, count, built, parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
        });
        return command;
    }

    /// <summary>Builds the students when the store has none of the bench organisation's, and issues a leader's API key.</summary>
    private static async Task<(double? BuildSeconds, string? Key)> PrepareAsync(string location, int count, CancellationToken cancellationToken)
    {
        await using var store = await StoreLocation.OpenAsync(location, cancellationToken);
        double? built = null;
        if ((await store.GetInfoAsync(Scope.ForOrganisation(Organisation), cancellationToken)).Students == 0)
        {
            var work = Directory.CreateTempSubdirectory("gradelens-bench-");
            try
            {
                var csv = Path.Combine(work.FullName, "tracking.csv");
                AnsiConsole.WriteLine($"Writing {count:N0} students x {TrackingCsvWriter.Subjects.Length} subjects x {TrackingCsvWriter.Series.Length} series ...");
                TrackingCsvWriter.Write(csv, count);
                var clock = Stopwatch.StartNew();
                var report = await ProgressDisplay.RunAsync(p => store.ImportAsync(new ImportRequest([csv], TrackingCsvWriter.Mapping, Organisation: Organisation), p, cancellationToken));
                if (!report.Succeeded)
                {
                    await Console.Error.WriteLineAsync("gradelens: the benchmark import failed: " + report.Message);
                    return (null, null);
                }

                built = clock.Elapsed.TotalSeconds;
                AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Built the store in {built:0.0} s: {report.Message}"));
            }
            finally
            {
                work.Delete(recursive: true);
            }
        }

        var accounts = new AccountService(store.Accounts);
        if (await store.Accounts.FindUserAsync(BenchUser, cancellationToken) is null)
        {
            await accounts.AddUserAsync(new NewUser(BenchUser, Role.Leader, Organisation, [], []), AccountService.GeneratePassword(), cancellationToken);
        }

        return (built, await accounts.IssueApiKeyAsync(BenchUser, "bench load", cancellationToken));
    }

    private static async Task<int> MeasureAsync(string location, string key, int count, double? built, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var app = WebApp.Build(new WebAppOptions(location, Urls: "http://127.0.0.1:0"), ["--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(cancellationToken);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var load = new TrackingLoad(http);
        List<(string Endpoint, string Url)> plan =
        [
            .. await load.PlanAsync(cancellationToken),
            ("overview", "/api/overview"),
            ("me", "/api/me"),
            ("gaps", "/api/gaps/table?within=subject"),
            ("priorities", "/api/gaps/priorities?within=subject"),
        ];

        AnsiConsole.WriteLine($"Warming: each of {plan.Count} distinct requests once ...");
        var cold = await load.ColdAsync(plan, cancellationToken);
        AnsiConsole.WriteLine($"Load: {clients} clients for {duration.TotalSeconds:0} s against {Redacted(location)} ...");
        var clock = Stopwatch.StartNew();
        var warm = await load.ConcurrentAsync(plan, clients, duration, cancellationToken);
        var elapsed = clock.Elapsed.TotalSeconds;
        LoadFigures.Print(warm);
        var figures = new Dictionary<string, object>
        {
            ["store"] = location.Contains("://", StringComparison.Ordinal) ? "postgresql" : "duckdb",
            ["students"] = count,
            ["clients"] = clients,
            ["seconds"] = Math.Round(elapsed, 1),
        };
        foreach (var (name, value) in LoadFigures.Of(warm, cold, load.Errors, elapsed, built))
        {
            figures[name] = value;
        }

        await app.StopAsync(cancellationToken);
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return load.Errors == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    /// <summary>A store location for the console: a URL's password is never printed.</summary>
    private static string Redacted(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? location.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : location;
}
