using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Import.Reading;
using GradeLens.Core.Import.Writing;

namespace GradeLens.Core.Import.Staging;

/// <summary>A staged, mapped and validated table, ready to be written (or reported on a dry run).</summary>
internal sealed class PreparedTable
{
    private readonly Func<IImportWriter, string, CancellationToken, Task<WriteCounts>> _write;

    private PreparedTable(StagedTable table, TableHealth health, IReadOnlyList<RejectedRow> rejected, long rejectedTotal,
        Func<IImportWriter, string, CancellationToken, Task<WriteCounts>> write)
    {
        Table = table;
        Health = health;
        Rejected = rejected;
        RejectedTotal = rejectedTotal;
        _write = write;
    }

    public StagedTable Table { get; }

    public TableHealth Health { get; }

    public IReadOnlyList<RejectedRow> Rejected { get; }

    public long RejectedTotal { get; }

    /// <summary>The question the import must ask before it can go on (a column it cannot tell, a long file without ids), or null.</summary>
    public string? Question { get; private init; }

    /// <summary>Suffix of this table's temp objects (stage_N, bad_N...).</summary>
    public string Suffix => Table.Name["stage_".Length..];

    /// <summary>Hands this table's write set to the store's writer (inside its transaction).</summary>
    public Task<WriteCounts> WriteAsync(IImportWriter writer, string organisation, CancellationToken cancellationToken) =>
        _write(writer, organisation, cancellationToken);

    public static async Task<PreparedTable> CreateAsync(DuckDBConnection connection, SourceTable source, int number, ImportMapping? requested, CancellationToken cancellationToken)
    {
        var table = await StagedTable.CreateAsync(connection, source, number, cancellationToken);
        return await CreateAsync(connection, table, requested, null, cancellationToken);
    }

    /// <summary>Maps, validates and reports a table already staged (a file's, or several related files joined).</summary>
    public static async Task<PreparedTable> CreateAsync(DuckDBConnection connection, StagedTable table, ImportMapping? requested, string? cohort, CancellationToken cancellationToken)
    {
        var source = table.Source;
        var suffix = table.Name["stage_".Length..];
        // An inferred mapping's scales come from a sample; the resolver detects them again over every value.
        var mapping = requested is null
            ? table.Hints.ApplyTo(WithoutScales(MappingInference.Infer(source.Headers, await SampleAsync(connection, table, cancellationToken))))
            : MappingAlignment.Align(requested, source);
        var question = requested is null ? ImportQuestions.Unsure(source.DisplayName, MappingInference.Unsure(mapping)) ?? ImportQuestions.RepeatedHeader(source.DisplayName, mapping) : null;

        TableHealth health;
        Func<IImportWriter, string, CancellationToken, Task<WriteCounts>> write;
        if (mapping.Kind == TableKind.Areas)
        {
            var areas = new AreaRows(table, mapping, suffix);
            health = await areas.PrepareAsync(connection, cancellationToken);
            var set = areas.WriteSet;
            write = (writer, org, ct) => writer.WriteAreasAsync(set, org, ct);
        }
        else
        {
            ImportTrace.Mark("mapped");
            var valueNotes = await ValueChecks.ApplyAsync(connection, table, mapping, cancellationToken);
            ImportTrace.Mark("value checks");
            (mapping, var merges) = await ValueMerges.ApplyAsync(connection, table, mapping, requested is null, cancellationToken);
            valueNotes = [.. valueNotes, .. merges];
            ImportTrace.Mark("value merges");
            (var plan, mapping) = await EnrolmentPlan.DecideAsync(connection, table, mapping, suffix, cancellationToken);
            var rows = new StudentRows(table, mapping, plan) { Cohort = string.IsNullOrWhiteSpace(cohort) ? null : cohort.Trim() };
            if (rows.IsLong && !rows.HasStudentId && mapping.IndependentRows != true)
            {
                question ??= ImportQuestions.NoIdInLongFile(source.DisplayName);
            }

            ImportTrace.Mark("staged");
            await ExecuteAsync(connection, rows.CreateViewSql(), cancellationToken);
            var scales = await ScaleResolver.ResolveAsync(connection, rows, suffix, cancellationToken);
            if (scales.FirstOrDefault(s => s.Format.Ambiguous) is { } ambiguous)
            {
                question ??= ImportQuestions.AmbiguousComma(source.DisplayName, ambiguous.Header, ambiguous.Format.Example ?? "1,011");
            }
            ImportTrace.Mark("scales");
            mapping = WithScales(mapping, scales, rows.IsLong);
            await ExecuteAsync(connection, ScaleResolver.ScoredViewSql(rows, suffix), cancellationToken);
            ImportTrace.Mark("scored");
            await StudentValidation.CreateBadRowsAsync(connection, rows, mapping, suffix, cancellationToken);
            ImportTrace.Mark("validated");
            health = await new StudentHealth(connection, rows, mapping, suffix).ComputeAsync(scales, cancellationToken);
            health = health with { Notes = [.. health.Notes, .. valueNotes] };
            ImportTrace.Mark("health");
            var set = new StudentWriteSet(rows, suffix);
            write = (writer, org, ct) => writer.WriteStudentsAsync(set, org, ct);
        }

        var (rejected, total) = await RejectedRowsAsync(connection, table, suffix, cancellationToken);
        return new PreparedTable(table, health, rejected, total, write) { Question = question };
    }

    private static ImportMapping WithoutScales(ImportMapping mapping) =>
        mapping with { Columns = mapping.Columns.Select(c => c with { Scale = null, MaxScore = null }).ToList() };

    /// <summary>The mapping as used: every score column names the scale it was read on, so a saved mapping reproduces the import.</summary>
    private static ImportMapping WithScales(ImportMapping mapping, IReadOnlyList<ResolvedScale> scales, bool isLong)
    {
        var single = scales.DistinctBy(s => (s.Scale.Id, s.MaxScore)).ToList() is [var only] ? only : null;
        return mapping with
        {
            Columns = mapping.Columns.Select(c =>
            {
                var resolved = isLong ? single : scales.FirstOrDefault(s => s.Group == c.Header);
                return c.Role is ColumnRole.Score or ColumnRole.Baseline && c.Scale is null && resolved is not null
                    ? c with { Scale = resolved.Scale.Id, MaxScore = c.MaxScore ?? (resolved.Scale.Id == GradeScales.PointsId ? resolved.MaxScore : null) }
                    : c;
            }).ToList(),
        };
    }

    private static async Task<(IReadOnlyList<RejectedRow> Rows, long Total)> RejectedRowsAsync(
        DuckDBConnection connection, StagedTable table, string suffix, CancellationToken cancellationToken)
    {
        var rows = new List<RejectedRow>(table.Malformed);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT row_index, header, value, reason, count(*) OVER () AS total, count(DISTINCT row_index) OVER () AS distinct_rows
            FROM bad_{suffix} ORDER BY row_index, header LIMIT {ImportPipeline.ListedRejects}
            """;
        long badRows = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = table.LineOf(reader.GetInt64(0));
            rows.Add(new RejectedRow(table.Source.DisplayName, line, reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
            badRows = reader.GetInt64(5);
        }

        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, table.Malformed.Count + badRows);
    }

    internal static async Task<IReadOnlyList<IReadOnlyList<string?>>> SampleAsync(DuckDBConnection connection, StagedTable table, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string?>>();
        await using var command = connection.CreateCommand();
        var columns = string.Join(", ", Enumerable.Range(0, table.Source.Headers.Count).Select(Sql.Column));
        command.CommandText = $"SELECT {columns} FROM {table.Name}_rows WHERE rowid < 500 ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    internal static Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken cancellationToken) =>
        Storage.DuckDb.DuckDbStore.ExecuteAsync(connection, sql, cancellationToken);
}
