using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Checks a derived column declared with a rule "SERIES_A - SERIES_B" (e.g. Yellis_GCSE_Diff = GCSE - BASELINE)
/// against the scores on every row; disagreements are reported, never "fixed".
/// </summary>
internal static class DerivedChecks
{
    public static async Task<IReadOnlyList<string>> RunAsync(DuckDBConnection connection, StudentRows rows, ImportMapping mapping, string suffix, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        for (var i = 0; i < mapping.Columns.Count; i++)
        {
            var column = mapping.Columns[i];
            if (column.Role != ColumnRole.Derived || column.Rule?.Split(" - ", 2) is not [var left, var right])
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                WITH by_series AS (
                    SELECT student_id, subject,
                           any_value(score) FILTER (WHERE upper(series) = {Sql.Text(left.Trim().ToUpperInvariant())}) AS a,
                           any_value(score) FILTER (WHERE upper(series) = {Sql.Text(right.Trim().ToUpperInvariant())}) AS b
                    FROM scored_{suffix} GROUP BY ALL),
                rowsx AS (
                    SELECT s.row_index, TRY_CAST(replace(trim(s.{Sql.Column(i)}), ',', '.') AS DOUBLE) AS given, p.a - p.b AS expected
                    FROM {rows.Table.Name} s JOIN (SELECT DISTINCT row_index, student_id, subject FROM scored_{suffix}) l USING (row_index)
                    JOIN by_series p USING (student_id, subject))
                SELECT count(*), min(row_index) FROM rowsx
                WHERE given IS NOT NULL AND expected IS NOT NULL AND abs(given - expected) > 1e-9
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var count = reader.GetInt64(0);
            if (count > 0)
            {
                var line = rows.Table.LineOf(reader.GetInt64(1));
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"'{column.Header}' disagrees with {column.Rule} on {count} row(s), first on line {line}. It is a derived column and is not stored; the scores are."));
            }
            else
            {
                notes.Add($"'{column.Header}' agrees with {column.Rule} on every row; it is derived and not stored.");
            }
        }

        return notes;
    }
}
