using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Import.Reading;
using GradeLens.Core.Import.Staging;
using GradeLens.Core.Import.Writing;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Import;

/// <summary>
/// file -> read -> map -> stage and validate (SQL, in the DuckDB <paramref name="connection"/>) -> write in one
/// transaction of the store (<paramref name="writer"/>). Nothing is written unless every table passes (or the caller
/// asked to skip bad rows), and a failure leaves the store as it was.
/// </summary>
internal sealed class ImportPipeline(DuckDBConnection connection, IImportWriter writer, ImportRequest request, IProgress<StageProgress>? progress, string? workFolder = null)
{
    /// <summary>How many rejected rows a report lists; the total is always given.</summary>
    public const int ListedRejects = 1000;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>The tables' health once checked, for a refusal raised while writing (a scale that differs from the stored one).</summary>
    private IReadOnlyList<TableHealth> _health = [];

    public async Task<ImportReport> RunAsync(CancellationToken cancellationToken)
    {
        var sources = new List<SourceTable>();
        try
        {
            for (var i = 0; i < request.Files.Count; i++)
            {
                var display = request.DisplayNames is { } names && i < names.Count ? names[i] : Path.GetFileName(request.Files[i]);
                progress?.Report(new StageProgress($"Reading {display}", 0.02));
                sources.AddRange(TableFileReader.Open(request.Files[i], request.Sheet, display, request.Mapping?.Layout(), workFolder));
            }

            ImportTrace.Mark("opened");
            return await ImportTablesAsync(sources, cancellationToken);
        }
        catch (UnreadableFileException e)
        {
            return Failed(e.Message, [], [], 0);
        }
        catch (MappingMismatchException e)
        {
            return Failed(e.Message, [], [], 0);
        }
        catch (Writing.ImportQuestionException e)
        {
            return Failed(e.Message, _health, [], 0) with { Question = e.Message };
        }
        catch (DbException e)
        {
            // Anything the checks did not foresee: the transaction was not committed, so the store is unchanged.
            // The database's own words (its error classes, its internals) are not for the user: a sentence saying what to do.
            var files = string.Join(", ", request.DisplayNames ?? request.Files.Select(Path.GetFileName).ToList()!);
            var why = e is Npgsql.NpgsqlException
                ? "the store refused to write it (a full disk, a lost connection or a changed database?). Try again; if it fails again, tell your administrator, whose database log has the reason."
                : ImportQuestions.DatabaseFailure(e.Message);
            return Failed($"{files} could not be imported; nothing was written: {why}", [], [], 0);
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private async Task<ImportReport> ImportTablesAsync(IReadOnlyList<SourceTable> sources, CancellationToken cancellationToken)
    {
        var staged = new List<StagedTable>();
        for (var n = 0; n < sources.Count; n++)
        {
            progress?.Report(new StageProgress($"Reading {sources[n].DisplayName}", 0.05 + 0.2 * n / sources.Count));
            staged.Add(await StagedTable.CreateAsync(connection, sources[n], n, cancellationToken));
        }

        var related = await RelatedTables.JoinAsync(connection, staged, request.Mapping, cancellationToken);
        var prepared = new List<PreparedTable>();
        for (var n = 0; n < related.Tables.Count; n++)
        {
            progress?.Report(new StageProgress($"Checking {related.Tables[n].Source.DisplayName}", 0.25 + 0.4 * n / related.Tables.Count));
            prepared.Add(await PreparedTable.CreateAsync(connection, related.Tables[n], request.Mapping, request.Cohort, cancellationToken));
        }

        var health = prepared.Select(p => p.Health with { Notes = [.. related.Notes, .. p.Health.Notes] }).ToList();
        _health = health;
        var rejectedTotal = prepared.Sum(p => p.RejectedTotal);
        var listed = prepared.SelectMany(p => p.Rejected).Take(ListedRejects).ToList();
        if (prepared.FirstOrDefault(p => p.Table.Rows == 0 && p.RejectedTotal == 0) is { } empty)
        {
            return Failed($"{empty.Table.Source.DisplayName} has a header row but no data rows; nothing was imported.", health, listed, rejectedTotal);
        }

        if (prepared.FirstOrDefault(p => p.Question is not null) is { } unsure)
        {
            return Failed(unsure.Question!, health, listed, rejectedTotal) with { Question = unsure.Question };
        }

        // A sheet with no figure beside sheets that have some (a cover, a list of codes) is left out; anything else without one is refused.
        // Areas are stored for themselves (a list of counties is geography); students only with a figure.
        var withFigures = prepared.Where(p => p.Health.Figures > 0 || p.Health.Kind == TableKind.Areas).ToList();
        var leftOut = prepared.Where(p => !withFigures.Contains(p) && p.Table.Source.Sheet is not null && withFigures.Count > 0).ToList();
        if (withFigures.Count + leftOut.Count < prepared.Count || withFigures.Count == 0)
        {
            var without = prepared.Where(p => !withFigures.Contains(p) && !leftOut.Contains(p)).Select(p => p.Table.Source.DisplayName);
            return Failed(ImportQuestions.NoFigures(string.Join(", ", without)), health, listed, rejectedTotal);
        }

        if (leftOut.Count > 0)
        {
            health = [.. health.Select(h => leftOut.Any(p => p.Health.File == h.File)
                ? h with { Notes = [.. h.Notes, "This sheet has no score, baseline or area figure; it was not imported."] }
                : h)];
            rejectedTotal -= leftOut.Sum(p => p.RejectedTotal);
            listed = [.. listed.Where(r => leftOut.All(p => p.Table.Source.DisplayName != r.File))];
            prepared = withFigures;
        }

        if (rejectedTotal > 0 && !request.SkipBadRows)
        {
            var first = listed[0];
            return Failed(
                $"Nothing was imported: {Plural(rejectedTotal, "row")} cannot be imported as they are (first: {first}). " +
                "Correct the file, declare the values in a mapping, or import with --skip-bad-rows to import the other rows and write these to a reject file.",
                health, listed, rejectedTotal);
        }

        var rows = prepared.Sum(p => p.Table.Rows);
        if (request.DryRun)
        {
            return Report(true, $"Dry run: nothing was written. {Plural(rows, "row")} read from {Plural(prepared.Count, "table")}; {Plural(rejectedTotal, "row")} would be rejected.",
                health, listed, rejectedTotal, WriteCounts.None, null);
        }

        progress?.Report(new StageProgress("Writing to the store", 0.7));
        var (written, importId) = await WriteAllAsync(prepared, cancellationToken);
        if (written.ChangesTotal > 0 && !request.AllowChanges)
        {
            return Failed(
                $"Nothing was imported: {Plural(written.ChangesTotal, "value")} already stored would change (first: {written.Changes[0]}). " +
                "Every change is listed in the report; if they are corrections, import again allowing changes (--allow-changes, or the box on the Data page).",
                health, listed, rejectedTotal) with { Written = WriteCounts.None with { Changes = written.Changes, ChangesTotal = written.ChangesTotal } };
        }

        string? rejectFile = null;
        if (rejectedTotal > 0)
        {
            rejectFile = request.RejectFile ?? Path.ChangeExtension(request.Files[0], ".rejects.csv");
            await RejectFileWriter.WriteAsync(connection, prepared, rejectFile, cancellationToken);
        }

        progress?.Report(new StageProgress("Done", 1));
        var message = $"Imported {Plural(rows - rejectedTotal, "row")} from {Plural(prepared.Count, "table")} as import {importId}: " +
                      $"{written.StudentsAdded} students added, {written.StudentsUpdated} updated; {written.ResultsAdded} results added, " +
                      $"{written.ResultsUpdated} changed, {written.ResultsUnchanged} unchanged; {written.BaselinesWritten} baselines; {written.AreaRowsWritten} area figures." +
                      (written.ChangesTotal == 0 ? "" : $" {Plural(written.ChangesTotal, "stored value")} changed (listed in the report).") +
                      (rejectFile is null ? "" : $" {Plural(rejectedTotal, "row")} skipped and written to {rejectFile}.");
        return Report(true, message, health, listed, rejectedTotal, written, rejectFile) with { ImportId = importId };
    }

    /// <summary>
    /// Writes every table in one transaction and commits it — unless it would change stored values without leave to, in
    /// which case it is rolled back (the writer is disposed uncommitted) and the changes are only reported.
    /// </summary>
    private async Task<(WriteCounts Written, long ImportId)> WriteAllAsync(IReadOnlyList<PreparedTable> prepared, CancellationToken cancellationToken)
    {
        var total = WriteCounts.None;
        await writer.BeginAsync(cancellationToken);
        foreach (var table in prepared)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var counts = await table.WriteAsync(writer, request.Organisation, cancellationToken);
            total = Add(total, counts);
            await writer.AppendLogAsync(await ImportLogEntry.ForAsync(request.Organisation, table, counts, writer.ImportId, cancellationToken), cancellationToken);
        }

        if (total.ChangesTotal > 0 && !request.AllowChanges)
        {
            return (total, writer.ImportId);
        }

        var files = string.Join(", ", prepared.Select(p => p.Table.Source.DisplayName));
        await writer.RecordImportAsync(new Writing.ImportRun(writer.ImportId, request.Organisation, files, request.Cohort, request.ImportedBy, total.Summary()), cancellationToken);

        // For the atomicity test: hold the written, uncommitted transaction open so a kill lands before the commit.
        if (int.TryParse(Environment.GetEnvironmentVariable("GRADELENS_PAUSE_BEFORE_COMMIT_MS"), out var pause) && pause > 0)
        {
            ImportTrace.Mark("paused before commit");
            await Task.Delay(pause, cancellationToken);
        }

        await writer.CommitAsync(cancellationToken);
        ImportTrace.Mark("committed");
        return (total, writer.ImportId);
    }

    private static WriteCounts Add(WriteCounts a, WriteCounts b) => new(
        a.StudentsAdded + b.StudentsAdded, a.StudentsUpdated + b.StudentsUpdated, a.ResultsAdded + b.ResultsAdded,
        a.ResultsUpdated + b.ResultsUpdated, a.ResultsUnchanged + b.ResultsUnchanged, a.BaselinesWritten + b.BaselinesWritten,
        a.AssessmentsAdded + b.AssessmentsAdded, a.AreaRowsWritten + b.AreaRowsWritten)
    {
        Changes = [.. a.Changes.Concat(b.Changes).Take(Writing.ChangeList.Listed)],
        ChangesTotal = a.ChangesTotal + b.ChangesTotal,
    };

    private ImportReport Failed(string message, IReadOnlyList<TableHealth> health, IReadOnlyList<RejectedRow> rejected, long total) =>
        Report(false, message, health, rejected, total, WriteCounts.None, null);

    private ImportReport Report(bool ok, string message, IReadOnlyList<TableHealth> health, IReadOnlyList<RejectedRow> rejected, long total, WriteCounts written, string? rejectFile) =>
        new(ok, request.DryRun, message, health, rejected, total, written, rejectFile, Math.Round(_clock.Elapsed.TotalSeconds, 3));

    internal static string Plural(long count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
}

/// <summary>A mapping that does not fit the file (a mapped column the file lacks).</summary>
public sealed class MappingMismatchException(string message) : Exception(message);
