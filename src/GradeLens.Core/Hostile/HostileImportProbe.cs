using GradeLens.Core.Import;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Hostile;

/// <summary>
/// Imports each file of the fuzz corpus into a store holding <see cref="KnownDataset"/> and classifies what happened
/// (<see cref="HostileProbeReport"/>). An import the kind allows is taken back at once (<c>UndoImportAsync</c>), so every
/// file meets the same store; a refused one must leave the store exactly as it was (<see cref="StoreFingerprint"/>).
/// </summary>
public sealed class HostileImportProbe(IGradeStore store)
{
    private const string ImportedBy = "hostile-probe";

    /// <summary>Imports the known dataset (into an empty store, or over itself: unchanged).</summary>
    public async Task PrepareAsync(string directory, CancellationToken cancellationToken = default)
    {
        var file = KnownDataset.Write(directory);
        var report = await store.ImportAsync(new ImportRequest([file], ImportedBy: ImportedBy), cancellationToken: cancellationToken);
        File.Delete(file);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("The probe's known dataset was not imported: " + report.Message);
        }
    }

    public async Task<HostileProbeReport> RunAsync(IReadOnlyList<HostileFile> files, HostileProbeOptions? options = null, IProgress<HostileAttempt>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= new HostileProbeOptions();
        var report = HostileProbeReport.Empty;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var one = await TryAsync(file, options, cancellationToken);
            progress?.Report(one.Attempts[0]);
            report = report.Add(one);
        }

        return report;
    }

    private async Task<HostileProbeReport> TryAsync(HostileFile file, HostileProbeOptions options, CancellationToken cancellationToken)
    {
        var kind = file.Kind;
        var findings = new List<HostileFinding>();
        var before = await StoreFingerprint.TakeAsync(store, cancellationToken);
        var folders = new ProbeFolders(store, file.Path);
        ImportReport? report = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            report = await store.ImportAsync(new ImportRequest([file.Path], SkipBadRows: options.SkipBadRows, ImportedBy: ImportedBy, Exclusive: options.Exclusive), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            findings.Add(new(kind.Name, "crash", $"{e.GetType().Name}: {FirstLine(e.Message)}"));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var outcome = report is null ? HostileOutcomes.None
            : report.Succeeded && report.RejectedTotal == 0 ? HostileOutcomes.Imported
            : report.RejectedTotal > 0 ? HostileOutcomes.RowsRejected
            : HostileOutcomes.Refused;
        if (report is not null)
        {
            var texts = Texts(report).Select(t => t.Replace(store.Location, "the store", StringComparison.Ordinal)).ToList();
            foreach (var text in texts)
            {
                if (ProbeTexts.StackTrace(text) is { } trace)
                {
                    findings.Add(new(kind.Name, "stack trace", trace));
                    break;
                }
            }

            foreach (var text in texts)
            {
                if (ProbeTexts.DatabaseText(text) is { } raw)
                {
                    findings.Add(new(kind.Name, "leak", "database text in the message: " + raw));
                    break;
                }
            }

            if (outcome == HostileOutcomes.Imported && !kind.Allowed.HasFlag(HostileOutcomes.Imported))
            {
                findings.Add(new(kind.Name, "accepted garbage", FirstLine(report.Message)));
            }
        }

        var after = await StoreFingerprint.TakeAsync(store, cancellationToken);
        if (report is { Succeeded: true, ImportId: { } importId })
        {
            var undo = await store.UndoImportAsync(importId, ImportedBy, cancellationToken);
            var undone = await StoreFingerprint.TakeAsync(store, cancellationToken);
            if (!undo.Succeeded || !undone.SameDataAs(before))
            {
                findings.Add(new(kind.Name, "undo mismatch", undo.Succeeded ? before.Difference(undone) : undo.Message));
            }
        }
        else if (!after.SameAs(before))
        {
            findings.Add(new(kind.Name, "store change", before.Difference(after)));
        }

        if (folders.LeftBehind(report?.Succeeded == true ? report.RejectFile : null) is { } left)
        {
            findings.Add(new(kind.Name, "leak", "left behind: " + left));
        }

        var expected = outcome != HostileOutcomes.None && kind.Allowed.HasFlag(outcome);
        var attempt = new HostileAttempt(kind.Name, outcome, expected, report?.Message ?? findings[0].Detail, seconds);
        int Count(string problem) => findings.Any(f => f.Problem == problem) ? 1 : 0;
        return new HostileProbeReport(
            1, Count("crash"), Count("stack trace"), Count("accepted garbage"), Count("store change"), Count("leak"), Count("undo mismatch"),
            expected || findings.Count > 0 ? 0 : 1, findings, [attempt]);
    }

    /// <summary>Everything of the report a user reads.</summary>
    private static IEnumerable<string> Texts(ImportReport report) =>
        [report.Message, .. report.Question is null ? [] : new[] { report.Question }, .. report.Rejected.Select(r => r.Reason), .. report.Tables.SelectMany(t => t.Notes)];

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
