using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>The grade scale of one scale group (a wide score column, or a subject of a long file).</summary>
internal sealed record ResolvedScale(string Group, GradeScale Scale, double MaxScore, double Proficiency, bool Declared);

/// <summary>
/// Decides each scale group's scale (declared in the mapping, or detected from a summary of the values
/// computed in SQL) and writes the temp tables <c>scales_N</c> and <c>labels_N</c> the scored view joins.
/// </summary>
internal static class ScaleResolver
{
    /// <summary>Largest share of values above 100 still read as typos in a percent column.</summary>
    public const double OutlierShare = 0.05;

    public static async Task<IReadOnlyList<ResolvedScale>> ResolveAsync(
        DuckDBConnection connection, StudentRows rows, string suffix, CancellationToken cancellationToken)
    {
        var declared = rows.ScoreColumns.Where(c => c.Column.Scale is not null).ToList();
        var resolved = new List<ResolvedScale>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT grp, any_value(score_column),
                       list(raw) FILTER (WHERE num IS NULL)[1:60],
                       min(num), max(num), bool_or(num % 1 = 0.5),
                       max(num) FILTER (WHERE num <= 100),
                       sum(n) FILTER (WHERE num > 100) / sum(n) FILTER (WHERE num IS NOT NULL)
                FROM (SELECT grp, raw, any_value(score_column) AS score_column, count(*) AS n,
                             TRY_CAST(replace(raw, ',', '.') AS DOUBLE) AS num
                      FROM {rows.ViewName} WHERE grp IS NOT NULL AND raw IS NOT NULL GROUP BY grp, raw)
                GROUP BY grp ORDER BY grp
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var group = reader.GetString(0);
                var header = reader.GetString(1);
                var column = rows.IsLong
                    ? declared.Select(d => d.Column).FirstOrDefault()
                    : rows.ScoreColumns.First(c => c.Column.Header == header).Column;
                var sample = new List<string?>();
                if (!reader.IsDBNull(2))
                {
                    sample.AddRange(((System.Collections.IEnumerable)reader.GetValue(2)).Cast<object?>().Select(v => v?.ToString()));
                }

                if (!reader.IsDBNull(3))
                {
                    // A few values above 100 among percentages are typos to reject, not a wider scale.
                    var fewAbove100 = !reader.IsDBNull(6) && !reader.IsDBNull(7) && reader.GetDouble(7) <= OutlierShare;
                    sample.Add(reader.GetDouble(3).ToString("R", CultureInfo.InvariantCulture));
                    sample.Add((fewAbove100 ? reader.GetDouble(6) : reader.GetDouble(4)).ToString("R", CultureInfo.InvariantCulture));
                }

                if (!reader.IsDBNull(5) && reader.GetBoolean(5))
                {
                    sample.Add("4.5");
                }

                var scale = column?.Scale is { } id ? Declared(id, column.MaxScore, rows) : ScaleDetector.Detect(sample, header);
                var max = column?.MaxScore ?? scale.Maximum;
                var proficiency = column?.MaxScore is { } declaredMax && scale.Maximum > 0
                    ? scale.DefaultProficiency / scale.Maximum * declaredMax
                    : scale.DefaultProficiency;
                resolved.Add(new ResolvedScale(group, scale, max, proficiency, column?.Scale is not null));
            }
        }

        await WriteTablesAsync(connection, resolved, suffix, cancellationToken);
        return resolved;
    }

    private static GradeScale Declared(string id, double? maximum, StudentRows rows)
    {
        try
        {
            return GradeScales.ById(id, maximum);
        }
        catch (ArgumentException e)
        {
            throw new MappingMismatchException($"{rows.Table.Source.DisplayName}: the mapping's scale is wrong: {e.Message.Split(" (Parameter", 2)[0]} Nothing was imported.");
        }
    }

    private static async Task WriteTablesAsync(DuckDBConnection connection, IReadOnlyList<ResolvedScale> scales, string suffix, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE OR REPLACE TEMP TABLE scales_{suffix} (grp VARCHAR, scale_id VARCHAR, scale_name VARCHAR, min_value DOUBLE,
                max_value DOUBLE, half_grades BOOLEAN, max_score DOUBLE, proficiency DOUBLE);
            CREATE OR REPLACE TEMP TABLE labels_{suffix} (grp VARCHAR, label VARCHAR, value DOUBLE);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        using (var appender = connection.CreateAppender($"scales_{suffix}"))
        {
            foreach (var s in scales)
            {
                appender.CreateRow().AppendValue(s.Group).AppendValue(s.Scale.Id).AppendValue(s.Scale.DisplayName)
                    .AppendValue(s.Scale.Minimum).AppendValue(Math.Max(s.Scale.Maximum, s.MaxScore)).AppendValue(s.Scale.AllowsHalfGrades)
                    .AppendValue(s.MaxScore).AppendValue(s.Proficiency).EndRow();
            }
        }

        using var labels = connection.CreateAppender($"labels_{suffix}");
        foreach (var s in scales)
        {
            foreach (var (label, value) in s.Scale.Labels)
            {
                labels.CreateRow().AppendValue(s.Group).AppendValue(label.ToUpperInvariant()).AppendValue(value).EndRow();
            }
        }
    }

    /// <summary>The view <c>scored_N</c>: long rows with their parsed score, grade label and date.</summary>
    public static string ScoredViewSql(StudentRows rows, string suffix) => $"""
        CREATE OR REPLACE TEMP TABLE scored_{suffix} AS
        SELECT l.*, sc.scale_id,
               CASE WHEN l.raw IS NULL THEN NULL
                    WHEN lb.label IS NOT NULL THEN lb.value
                    ELSE TRY_CAST(replace(l.raw, ',', '.') AS DOUBLE) END AS score,
               CASE WHEN lb.label IS NOT NULL THEN l.raw END AS grade_label,
               COALESCE(TRY_CAST(l.taken_raw AS DATE), TRY_STRPTIME(l.taken_raw, '%d/%m/%Y')::DATE) AS taken_on,
               TRY_CAST(replace(l.weight_raw, ',', '.') AS DOUBLE) AS weight, TRY_CAST(replace(l.max_raw, ',', '.') AS DOUBLE) AS row_max
        FROM {rows.ViewName} l
        LEFT JOIN scales_{suffix} sc ON sc.grp = l.grp
        LEFT JOIN labels_{suffix} lb ON lb.grp = l.grp AND lb.label = upper(l.raw)
        """;
}
