using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Reading;
using GradeLens.Core.Import.Staging;
using GradeLens.Core.Storage;
using static GradeLens.Core.Quality.Import.QualityStagedFile;

namespace GradeLens.Core.Quality.Import;

/// <summary>
/// Imports a university's own tables (a file per table, a workbook with a sheet per table, or a folder) for one
/// organisation, all or nothing: files are read by <see cref="TableFileReader"/>, recognised by their names and headers,
/// staged and checked in DuckDB (the store itself when it is DuckDB, else an in-memory database), and only when no row
/// is rejected the organisation's quality tables are replaced in one transaction (<see cref="QualityWriter"/>).
/// Importing the same files again gives the same tables.
/// </summary>
internal static class QualityImport
{
    /// <summary>Staged tables are stage_900, qs_900...: apart from the results import's stage_N on a shared connection.</summary>
    private const int FirstNumber = 900;

    private static readonly string[] TableExtensions = [".csv", ".tsv", ".txt", ".xlsx", ".xls", ".xlsm"];

    public static async Task<QualityImportReport> ImportAsync(QualityImportRequest request, DbConnection store, StoreSqlDialect sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        var clock = Stopwatch.StartNew();
        var sources = new List<SourceTable>();
        var files = new List<QualityStagedFile>();
        DuckDBConnection? own = null;
        DuckDBConnection? staging = null;
        try
        {
            try
            {
                foreach (var path in Expand(request.Paths))
                {
                    sources.AddRange(TableFileReader.Open(path));
                }
            }
            catch (UnreadableFileException e)
            {
                return new QualityImportReport(false, request.DryRun, e.Message, [], [e.Message], [], 0, new Dictionary<string, long>(), [], clock.Elapsed.TotalSeconds);
            }

            staging = store as DuckDBConnection ?? (own = await OpenStagingAsync(cancellationToken));
            await ExecuteAsync(staging, "CREATE OR REPLACE TEMP TABLE qr (file_no INTEGER, row_index BIGINT, col VARCHAR, value VARCHAR, reason VARCHAR, other_file INTEGER, other_row BIGINT)", cancellationToken);
            var found = new List<QualityTableFound>();
            var notes = new List<string>();
            var fileRejects = new List<RejectedRow>();
            for (var i = 0; i < sources.Count; i++)
            {
                var source = sources[i];
                notes.AddRange(source.Notes.Select(n => $"{source.DisplayName}: {n}"));
                var recognition = QualityTableRecognition.Recognise(source);
                if (recognition.Note is not null)
                {
                    notes.Add(recognition.Note);
                }

                if (recognition.Kind is null)
                {
                    if (recognition.Problem is not null)
                    {
                        fileRejects.Add(new RejectedRow(source.DisplayName, source.FirstDataLine - 1, null, null, recognition.Problem));
                    }

                    continue;
                }

                var file = await StageAsync(staging, source, recognition, FirstNumber + i, cancellationToken);
                ImportTrace.Mark("quality staged " + recognition.Kind.Name);
                files.Add(file);
                fileRejects.AddRange(file.Staged.Malformed);
            }

            QualityDateOrders.Decide(files, request.DateOrder, notes);
            foreach (var file in files)
            {
                await file.ReadAsync(staging, cancellationToken);
                ImportTrace.Mark("quality read " + file.Kind.Name);
            }

            var present = files.Select(f => f.Target).ToHashSet();
            var problems = Missing(present, notes);
            await QualityChecks.CreateStagedViewsAsync(staging, files, cancellationToken);
            await QualityChecks.CreateFinalViewsAsync(staging, present, cancellationToken);
            await QualityChecks.CheckAsync(staging, present, cancellationToken);
            ImportTrace.Mark("quality checked");
            var (listed, total) = await QualityRejects.ListAsync(staging, files, fileRejects, request.ListedRejects, cancellationToken);
            found.AddRange(sources.Select(s => Found(s, files.FirstOrDefault(f => f.Source == s))));
            var rows = await CountAsync(staging, cancellationToken);
            ImportTrace.Mark("quality counted");
            if (total > 0 || problems.Count > 0)
            {
                var why = problems.Count > 0 ? problems[0] : $"{total:N0} rows rejected, the first: {listed[0]}";
                return new QualityImportReport(false, request.DryRun, $"Nothing was written: {why}", found, problems, listed, total, new Dictionary<string, long>(), notes, clock.Elapsed.TotalSeconds);
            }

            if (request.DryRun)
            {
                return new QualityImportReport(true, true, $"Dry run: every row is valid; {Summary(rows)} would be written for '{request.Organisation}'.", found, [], [], 0, rows, notes, clock.Elapsed.TotalSeconds);
            }

            var written = await QualityWriter.ReplaceFromStagingAsync(store, sql, request.Organisation, staging, QualityChecks.Final, cancellationToken);
            ImportTrace.Mark("quality written");
            return new QualityImportReport(true, false, $"Imported {Summary(written)} for '{request.Organisation}' (its quality tables replaced).", found, [], [], 0, written, notes, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            if (staging is not null && own is null)
            {
                await DropAsync(staging, files, cancellationToken);
            }

            if (own is not null)
            {
                await own.DisposeAsync();
            }

            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    /// <summary>Files as given, and the table files of each folder (top level, in name order).</summary>
    private static IEnumerable<string> Expand(IReadOnlyList<string> paths) => paths.SelectMany<string, string>(path => Directory.Exists(path)
        ? Directory.EnumerateFiles(path)
            .Where(f => TableExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith('~'))
            .Order(StringComparer.Ordinal)
        : [path]);

    private static async Task<DuckDBConnection> OpenStagingAsync(CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A university without modules, assessments or grades has nothing to compute; programmes and enrolments can be derived.</summary>
    private static List<string> Missing(HashSet<QualityTable> present, List<string> notes)
    {
        var problems = new List<string>();
        foreach (var (table, what) in new[] { (QualityTables.Modules, "modules (module, programme, term)"), (QualityTables.Assessments, "assessments (assessment, module, due date)"), (QualityTables.Grades, "grades (student, assessment, mark)") })
        {
            if (!present.Contains(table))
            {
                problems.Add($"there is no table of {what} among the files: the Quality KPIs need one.");
            }
        }

        if (!present.Contains(QualityTables.Programmes))
        {
            notes.Add("No programmes table: the programmes are the modules' programme values (no faculty).");
        }

        if (!present.Contains(QualityTables.Enrolments))
        {
            notes.Add("No enrolments table: a student is taken as enrolled in every module they have a grade in.");
        }

        return problems;
    }

    private static QualityTableFound Found(SourceTable source, QualityStagedFile? file) => new(
        Path.GetFileName(source.OriginalPath), source.Sheet, file?.Kind.Name, file?.Target.Name, file?.Staged.Rows ?? 0,
        file?.Recognition.Columns.ToDictionary(c => c.Key, c => source.Headers[c.Value]) ?? new Dictionary<string, string>(),
        file?.Recognition.Unused ?? [], file is { Evidence.Slashed: > 0, Order: { } order } ? (order == DateOrder.DayMonth ? "day/month" : "month/day") : null,
        file?.OrderAmbiguous ?? false);

    private static async Task<IReadOnlyDictionary<string, long>> CountAsync(DuckDBConnection staging, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in QualityTables.All)
        {
            await using var command = staging.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {QualityChecks.Final(table)}";
            counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static string Summary(IReadOnlyDictionary<string, long> rows) =>
        string.Join(", ", rows.Where(r => r.Value > 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value:N0} {r.Key["he_".Length..].Replace('_', ' ')}")));

    private static async Task DropAsync(DuckDBConnection staging, IReadOnlyList<QualityStagedFile> files, CancellationToken cancellationToken)
    {
        var objects = QualityTables.All.SelectMany(t => new[] { $"VIEW {QualityChecks.Final(t)}", $"VIEW {QualityChecks.Staged(t)}" })
            .Concat(["VIEW qf_resolved_modules", "TABLE qr"])
            .Concat(files.SelectMany(f => f.TempObjects()));
        foreach (var name in objects)
        {
            await ExecuteAsync(staging, $"DROP {name.Replace(" ", " IF EXISTS ", StringComparison.Ordinal)}", cancellationToken);
        }
    }
}
