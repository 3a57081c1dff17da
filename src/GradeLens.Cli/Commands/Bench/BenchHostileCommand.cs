using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Hostile;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Postgres;
using Npgsql;
using Spectre.Console;

namespace GradeLens.Cli.Commands.Bench;

/// <summary>
/// <c>gradelens bench hostile</c> (issue 18.13), the probes' full forms: the fuzz corpus (<see cref="HostileCorpus"/>)
/// with several seeds into DuckDB — as a server imports, and as the command line does skipping bad rows — and into
/// PostgreSQL when a server is given; then imports on the command line killed at random points
/// (<see cref="ImportKillProbe"/>). The differencing harness lives in the test suite only
/// (tests/GradeLens.Core.Tests/Disclosure/DifferencingTests.cs) and is reported so. Progress on stderr; one JSON line.
/// </summary>
public static class BenchHostileCommand
{
    private static readonly IAnsiConsole _progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static Command Create()
    {
        var seeds = new Option<int>("--seeds") { Description = "Seeds of the corpus (each writes every kind with other ids, values and positions).", DefaultValueFactory = _ => 3 };
        var kinds = new Option<int?>("--kinds") { Description = "Only the first N kinds (a quick run); default every kind.", HelpName = "N" };
        var kills = new Option<int>("--kills") { Description = "Command-line imports to kill at random points.", DefaultValueFactory = _ => 12 };
        var students = new Option<int>("--kill-students") { Description = "Students of the national CSV the killed imports read (x 4 subjects = rows).", DefaultValueFactory = _ => 15_000 };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL server (postgres://...) to probe too, in a database of its own, dropped afterwards; default $GRADELENS_TEST_POSTGRES.", HelpName = "URL" };
        var command = new Command("hostile", "Import every kind of bad file of the fuzz corpus and kill imports mid-way; counts crashes, stack traces, accepted garbage, store changes and leaks.")
        {
            seeds, kinds, kills, students, postgres,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(seeds) <= 0 || parse.GetValue(kills) < 0 || parse.GetValue(students) <= 0 || parse.GetValue(kinds) is <= 0)
            {
                await Console.Error.WriteLineAsync("gradelens: --seeds and --kill-students must be positive numbers, --kills zero or more, --kinds positive.");
                return ExitCodes.Usage;
            }

            var server = parse.GetValue(postgres) ?? (Environment.GetEnvironmentVariable("GRADELENS_TEST_POSTGRES") is { Length: > 0 } url ? url : null);
            var chosen = HostileCorpus.Kinds.Take(parse.GetValue(kinds) ?? int.MaxValue).ToList();
            var work = Directory.CreateTempSubdirectory("gradelens-bench-hostile-").FullName;
            try
            {
                return await RunAsync(work, chosen, parse.GetValue(seeds), server, parse.GetValue(kills), parse.GetValue(students), cancellationToken);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(string work, IReadOnlyList<HostileFileKind> kinds, int seeds, string? server, int kills, int students, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var corpus = HostileProbeReport.Empty;
        var postgresFiles = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var files = HostileCorpus.Write(Path.Combine(work, $"corpus-{seed}"), seed, kinds);
            corpus = corpus.Add(await ProbeDuckDbAsync(work, files, $"seed {seed}, as a server imports", new HostileProbeOptions(), cancellationToken));
            corpus = corpus.Add(await ProbeDuckDbAsync(work, files, $"seed {seed}, on the command line skipping bad rows", new HostileProbeOptions(SkipBadRows: true, Exclusive: true), cancellationToken));
            if (server is not null)
            {
                var report = await ProbePostgresAsync(server, work, files, $"seed {seed}, PostgreSQL", cancellationToken);
                postgresFiles += report.FilesTried;
                corpus = corpus.Add(report);
            }
        }

        foreach (var finding in corpus.Findings)
        {
            _progress.WriteLine("  " + finding);
        }

        _progress.WriteLine($"Killing {kills} command-line imports of {students:N0} students at random points ...");
        var killed = await new ImportKillProbe(Gradelens).RunAsync(Path.Combine(work, "kills"), kills, students, seed: 1813, new Progress<string>(line => _progress.WriteLine("  " + line)), cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var figures = new Dictionary<string, object>
        {
            ["bench"] = "hostile",
            ["kinds"] = kinds.Count,
            ["seeds"] = seeds,
            ["files_tried"] = corpus.FilesTried,
            ["files_tried_postgres"] = postgresFiles,
            ["refused"] = corpus.Attempts.Count(a => a.Outcome == HostileOutcomes.Refused),
            ["rows_rejected"] = corpus.Attempts.Count(a => a.Outcome == HostileOutcomes.RowsRejected),
            ["imported"] = corpus.Attempts.Count(a => a.Outcome == HostileOutcomes.Imported),
            ["crashes"] = corpus.Crashes,
            ["stack_traces"] = corpus.StackTraces,
            ["accepted_garbage"] = corpus.AcceptedGarbage,
            ["store_changes"] = corpus.StoreChanges,
            ["leaks"] = corpus.Leaks + killed.Leaks,
            ["undo_mismatches"] = corpus.UndoMismatches,
            ["unexpected"] = corpus.Unexpected,
            ["unexpected_kinds"] = corpus.Attempts.Where(a => !a.Expected && a.Outcome != HostileOutcomes.None).Select(a => a.Kind).Distinct().ToList(),
            ["kills_tried"] = killed.Tried,
            ["kills_as_it_was"] = killed.AsItWas,
            ["kills_whole"] = killed.Whole,
            ["kills_inconsistent"] = killed.Inconsistent,
            ["differencing"] = "run by the test suite (tests/GradeLens.Core.Tests/Disclosure/DifferencingTests.cs)",
            ["median_import_ms"] = Math.Round(Median(corpus.Attempts.Select(a => a.Seconds * 1000)), 1),
            ["seconds"] = Math.Round(seconds, 1),
        };
        _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{corpus.FilesTried:N0} hostile files tried ({kinds.Count} kinds x {seeds} seeds): {corpus.Defects} defects; {killed.Tried} kills, {killed.Inconsistent} left the store inconsistent; {seconds:0} s."));
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return corpus.Defects == 0 && killed.Inconsistent == 0 && killed.Leaks == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private static async Task<HostileProbeReport> ProbeDuckDbAsync(string work, IReadOnlyList<HostileFile> files, string what, HostileProbeOptions options, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "store-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        await using var store = await StoreLocation.OpenAsync(Path.Combine(folder, "probe.db"), cancellationToken);
        return await ProbeAsync(store, folder, files, what, options, cancellationToken);
    }

    /// <summary>The corpus into a database of its own on <paramref name="server"/>, dropped afterwards.</summary>
    private static async Task<HostileProbeReport> ProbePostgresAsync(string server, string work, IReadOnlyList<HostileFile> files, string what, CancellationToken cancellationToken)
    {
        var name = "gl_hostile_" + Guid.NewGuid().ToString("N")[..12];
        var admin = PostgresUrl.Parse(server).ConnectionString;
        await ExecuteAsync(admin, $"CREATE DATABASE {name}", cancellationToken);
        try
        {
            var url = new UriBuilder(server) { Path = "/" + name }.Uri.ToString();
            await using var store = await StoreLocation.OpenAsync(url, cancellationToken);
            return await ProbeAsync(store, Directory.CreateDirectory(Path.Combine(work, "pg-" + name)).FullName, files, what, new HostileProbeOptions(), cancellationToken);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task<HostileProbeReport> ProbeAsync(IGradeStore store, string folder, IReadOnlyList<HostileFile> files, string what, HostileProbeOptions options, CancellationToken cancellationToken)
    {
        _progress.WriteLine($"{files.Count} hostile files, {what} ...");
        var probe = new HostileImportProbe(store);
        await probe.PrepareAsync(folder, cancellationToken);
        var report = await probe.RunAsync(files, options, cancellationToken: cancellationToken);
        _progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {report.FilesTried} tried: {report.Crashes} crashes, {report.StackTraces} stack traces, {report.AcceptedGarbage} accepted garbage, {report.StoreChanges} store changes, {report.Leaks} leaks, {report.UndoMismatches} undo mismatches, {report.Unexpected} unexpected."));
        return report;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>This same gradelens, as a child process: the apphost, or <c>dotnet gradelens.dll</c> when run through dotnet.</summary>
    private static ProcessStartInfo Gradelens(IReadOnlyList<string> args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BenchHostileCommand).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
