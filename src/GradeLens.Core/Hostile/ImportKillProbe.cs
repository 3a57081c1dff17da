using System.Diagnostics;
using System.Globalization;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Hostile;

/// <summary>What the kills did: each left the store as it was, or with the whole import (then taken back), or neither.</summary>
/// <param name="Leaks">Files of the killed imports still in the store's import folders after the next sweep.</param>
public sealed record KillProbeReport(int Tried, int AsItWas, int Whole, int Inconsistent, int Leaks, IReadOnlyList<string> Findings);

/// <summary>
/// The kill-during-import probe on the command line (issue 18.13): <c>gradelens import</c> of a national CSV as a child
/// process, killed at a random step of its trace (GRADELENS_TRACE=1) plus a random delay, then the store is checked:
/// exactly as it was (<see cref="StoreFingerprint"/>), or holding the whole import — which is then undone, so every kill
/// starts from the same data. <paramref name="gradelens"/> makes the child's start info from its arguments.
/// </summary>
public sealed class ImportKillProbe(Func<IReadOnlyList<string>, ProcessStartInfo> gradelens)
{
    /// <summary>Steps of the trace a kill may land after: the command line's import marks nineteen, the last after its commit.</summary>
    private const int Marks = 20;

    public async Task<KillProbeReport> RunAsync(string directory, int kills, int students, int seed, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(kills);
        ArgumentOutOfRangeException.ThrowIfLessThan(students, 1);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "kills.db");
        var file = Path.Combine(directory, "national.csv");
        NationalCsvWriter.Write(file, students);
        StoreFingerprint before;
        await using (var store = await DuckDbStore.OpenAsync(path, cancellationToken))
        {
            await new HostileImportProbe(store).PrepareAsync(directory, cancellationToken);
            before = await StoreFingerprint.TakeAsync(store, cancellationToken);
        }

        var random = new Random(seed);
        var findings = new List<string>();
        int asItWas = 0, whole = 0;
        for (var kill = 0; kill < kills; kill++)
        {
            var (mark, delay) = (random.Next(1, Marks), random.Next(0, 200));
            await KillAsync(file, path, mark, delay, cancellationToken);
            await using var store = await DuckDbStore.OpenAsync(path, cancellationToken);
            var after = await StoreFingerprint.TakeAsync(store, cancellationToken);
            var what = string.Create(CultureInfo.InvariantCulture, $"kill {kill + 1} after trace step {mark} + {delay} ms");
            if (after.SameAs(before))
            {
                asItWas++;
                progress?.Report(what + ": the store is as it was");
                continue;
            }

            if (IsWhole(before, after, students) && (await store.ListImportsAsync(Scope.Everything, 1, cancellationToken)) is [var latest]
                && (await store.UndoImportAsync(latest.ImportId, "hostile-probe", cancellationToken)).Succeeded
                && await StoreFingerprint.TakeAsync(store, cancellationToken) is var undone && undone.SameDataAs(before))
            {
                whole++;
                before = undone;
                progress?.Report(what + ": the whole import was written (then taken back)");
                continue;
            }

            findings.Add($"{what}: neither as it was nor the whole import ({before.Difference(after)})");
            progress?.Report(findings[^1]);
            before = await StoreFingerprint.TakeAsync(store, cancellationToken);
        }

        int leaks;
        await using (var store = await DuckDbStore.OpenAsync(path, cancellationToken))
        {
            ImportSpool.Sweep(store);
            var root = ImportSpool.RootOf(store);
            leaks = Directory.Exists(root) ? Directory.EnumerateFileSystemEntries(root).Count() : 0;
        }

        if (leaks > 0)
        {
            findings.Add($"{leaks} import folder(s) of killed imports survived the sweep");
        }

        return new KillProbeReport(kills, asItWas, whole, findings.Count(f => f.StartsWith("kill", StringComparison.Ordinal)), leaks, findings);
    }

    /// <summary>Every student and result of the national file added (four subjects each), nothing else counted differently.</summary>
    private static bool IsWhole(StoreFingerprint before, StoreFingerprint after, int students) =>
        after.Counts["students"] == before.Counts["students"] + students && after.Counts["results"] == before.Counts["results"] + 4L * students;

    private async Task KillAsync(string file, string store, int mark, int delay, CancellationToken cancellationToken)
    {
        var info = gradelens(["import", file, "--store", store]);
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        info.UseShellExecute = false;
        info.Environment["GRADELENS_TRACE"] = "1";
        info.Environment["GRADELENS_STORE"] = "";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("gradelens did not start.");
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var seen = 0;
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("[trace]", StringComparison.Ordinal) && ++seen == mark)
            {
                await Task.Delay(delay, cancellationToken);
                process.Kill(entireProcessTree: true);
                break;
            }
        }

        await process.WaitForExitAsync(cancellationToken);
    }
}
