using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>The health report of a staged students table: shape, per-column facts and the quirks worth a sentence.</summary>
internal sealed class StudentHealth(DuckDBConnection connection, StudentRows rows, ImportMapping mapping, string suffix)
{
    public async Task<TableHealth> ComputeAsync(IReadOnlyList<ResolvedScale> scales, CancellationToken cancellationToken)
    {
        var table = rows.Table;
        var columns = await ColumnFactsAsync(scales, cancellationToken);
        ImportTrace.Mark("column facts");
        var notes = new List<string>([.. table.Source.Notes, .. table.Notes]);
        if (rows.Plan.Found is { } found)
        {
            notes.Add($"The rows are enrolments, keyed by {rows.Plan.Describe(mapping)} (found from {found})" +
                      (rows.EnrolmentAttributes.Count == 0 ? "." : $"; kept per enrolment: {string.Join(", ", rows.EnrolmentAttributes.Select(a => "'" + a.Header + "'"))}."));
        }
        if (!rows.HasStudentId)
        {
            notes.Add("No student id column: ids were generated from the file name and line number (stable when the same file is imported again).");
        }

        if (!rows.IsLong && mapping.DefaultSubject is null && rows.ScoreColumns.Any(c => c.Column.Subject is null))
        {
            notes.Add($"No subject given for some score columns: they are filed under the subject '{rows.FallbackSubject}'. Set default_subject in a mapping to name it.");
        }

        foreach (var c in columns.Where(c => c.Zeros > 0 && c.Role is ColumnRole.Score))
        {
            notes.Add($"'{c.Header}': {c.Zeros} score(s) of 0, kept as real scores. A 0 can be a real result (the student sat it and scored nothing) " +
                      "or a code for absent or dropped out: look at those students' other scores — a real 0 sits among low scores, a code usually follows " +
                      "a missing or much higher earlier score. Only if 0 is a code here, declare \"missing\": [\"0\"] for this column in a mapping; otherwise leave it.");
        }

        foreach (var c in rows.ScoreColumns.Where(c => c.Column.Missing.Count > 0))
        {
            var declared = await ScalarAsync($"SELECT count(*) FROM scored_{suffix} WHERE declared_missing AND score_column = {Sql.Text(c.Column.Header)}", cancellationToken);
            notes.Add($"'{c.Column.Header}': {declared} value(s) declared missing by the mapping ({string.Join(", ", c.Column.Missing)}); they are not stored as scores.");
        }

        notes.AddRange(await BaselineNotesAsync(cancellationToken));
        notes.AddRange(await DerivedChecks.RunAsync(connection, rows, mapping, suffix, cancellationToken));

        var subjects = await ListAsync($"SELECT DISTINCT subject FROM scored_{suffix} WHERE subject IS NOT NULL ORDER BY 1", cancellationToken);
        // The series the file itself names (a series column, wide headers), never the default it is filed under.
        var withSeries = rows.ScoreColumns.Where(c => c.Column.Series is not null).Select(c => Sql.Text(c.Column.Header)).ToList();
        var fileSeries = rows.Index(ColumnRole.Series) is not null || rows.Plan.Context.Count > 0 ? $"SELECT DISTINCT series FROM scored_{suffix} WHERE series IS NOT NULL"
            : withSeries.Count > 0 ? $"SELECT DISTINCT series FROM scored_{suffix} WHERE score_column IN ({string.Join(", ", withSeries)})"
            : "SELECT NULL::VARCHAR AS series WHERE false";
        var series = await ListAsync($"SELECT series FROM ({fileSeries}) ORDER BY {Writing.StudentWriteSet.SeriesOrder("series")}, series", cancellationToken);
        var students = await ScalarAsync($"SELECT count(DISTINCT student_id) FROM scored_{suffix}", cancellationToken);
        var figures = await ScalarAsync($"SELECT count(*) FROM scored_{suffix} WHERE score IS NOT NULL AND student_id IS NOT NULL", cancellationToken);
        if (mapping.DefaultSeries is { } defaultSeries && rows.ScoreColumns.Any(c => c.Column.Series is null) && rows.Index(ColumnRole.Series) is null)
        {
            notes.Add($"The file names no series: its scores are filed under the series '{defaultSeries}'. Set default_series in a mapping to name it.");
        }
        var duplicates = await ScalarAsync($"""
            SELECT COALESCE(sum(repeats), 0)::BIGINT FROM (
                SELECT count(*) - count(DISTINCT v.score) AS repeats
                FROM scored_{suffix} v JOIN cells_{suffix} f USING (student_id, subject, series, domain, is_baseline)
                WHERE v.score IS NOT NULL GROUP BY ALL)
            """, cancellationToken);
        if (duplicates > 0)
        {
            notes.Add($"{duplicates} score(s) repeat an identical earlier row; each is stored once.");
        }

        ImportTrace.Mark("shape and duplicates");
        var unmapped = mapping.Columns.Where(c => c.Role == ColumnRole.Ignore).Select(c => c.Header).ToList();
        return new TableHealth(table.Source.DisplayName, table.Source.Sheet, mapping.Kind, table.Source.Encoding, table.Source.Delimiter,
            rows.IsLong ? "long (a row per student, subject and series)" : "wide (a column per subject or series)",
            table.Rows, students, subjects, series, columns, unmapped, duplicates, notes, mapping)
        {
            Format = table.Source.Format,
            Figures = figures,
            DefaultSeries = rows.Index(ColumnRole.Series) is null && rows.ScoreColumns.Any(c => c.Column.Series is null) ? mapping.DefaultSeries ?? StudentRows.DefaultSeries : null,
        };
    }

    private async Task<IReadOnlyList<string>> BaselineNotesAsync(CancellationToken cancellationToken)
    {
        if (!rows.IsLong || mapping.BaselineSeries.Count == 0)
        {
            return [];
        }

        var without = await ListAsync($"""
            SELECT subject FROM scored_{suffix} WHERE subject IS NOT NULL GROUP BY subject
            HAVING count(*) FILTER (WHERE is_baseline AND raw IS NOT NULL) = 0 ORDER BY subject
            """, cancellationToken);
        return without.Count == 0 ? [] : [$"{without.Count} subject(s) have no baseline: {string.Join(", ", without)}."];
    }

    private async Task<IReadOnlyList<ColumnHealth>> ColumnFactsAsync(IReadOnlyList<ResolvedScale> scales, CancellationToken cancellationToken)
    {
        var zeros = await ColumnFacts.CountsByKeyAsync(connection, $"SELECT score_column, count(*) FILTER (WHERE score = 0) FROM scored_{suffix} GROUP BY 1", cancellationToken);
        var outside = await ColumnFacts.CountsByKeyAsync(connection, $"SELECT header, count(*) FROM bad_{suffix} WHERE reason LIKE 'outside%' GROUP BY 1", cancellationToken);
        return await ColumnFacts.ComputeAsync(connection, rows.Table, mapping, column =>
        {
            var scale = column.Role is ColumnRole.Score or ColumnRole.Baseline
                ? scales.FirstOrDefault(s => s.Group == column.Header)?.Scale.DisplayName ?? string.Join(", ", scales.Select(s => s.Scale.DisplayName).Distinct())
                : null;
            return (Target(column), scale, outside.GetValueOrDefault(column.Header), zeros.GetValueOrDefault(column.Header));
        }, cancellationToken);
    }

    private static string? Target(ColumnMapping column) => column.Role switch
    {
        ColumnRole.Score or ColumnRole.Baseline => string.Join(" / ", new[] { column.Subject, column.Series, column.Domain }.Where(x => x is not null)) is { Length: > 0 } t ? t : null,
        ColumnRole.Attribute => "attribute '" + column.Header + "'",
        ColumnRole.Derived => column.Rule is null ? "not stored (derived)" : "checked: " + column.Rule,
        _ => null,
    };

    private Task<long> ScalarAsync(string sql, CancellationToken cancellationToken) => ColumnFacts.ScalarAsync(connection, sql, cancellationToken);

    private Task<IReadOnlyList<string>> ListAsync(string sql, CancellationToken cancellationToken) => ColumnFacts.ListAsync(connection, sql, cancellationToken);
}
