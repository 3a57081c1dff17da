using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import.Staging;

/// <summary>The grade scale of one scale group (a wide score column, or a subject of a long file), and how its numbers are written.</summary>
/// <param name="Outliers">Values far above the group's others (a 700 among scores up to 70): left out of the scale and rejected.</param>
internal sealed record ResolvedScale(string Group, string Header, GradeScale Scale, double MaxScore, double Proficiency, bool Declared, NumberFormat Format, IReadOnlyList<double> Outliers);

/// <summary>
/// Decides each scale group's scale — declared in the mapping, or detected from a summary of its values computed in SQL
/// over the distinct values only — and writes the temp tables <c>scales_N</c> and <c>labels_N</c> the scored table joins.
/// Non-finite numbers and outliers never decide a scale: a scale is never widened to fit a value, the value is rejected.
/// </summary>
internal static class ScaleResolver
{
    /// <summary>Largest share of values above 100 still read as typos in a percent column.</summary>
    public const double OutlierShare = 0.05;

    /// <summary>A number this large is no score on any scale: always an outlier.</summary>
    public const double Absurd = 1e6;

    public static async Task<IReadOnlyList<ResolvedScale>> ResolveAsync(DuckDBConnection connection, StudentRows rows, string suffix, CancellationToken cancellationToken)
    {
        await PreparedTable.ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP TABLE rawvals_{suffix} AS
            SELECT grp, raw, any_value(score_column) AS score_column, count(*) AS n FROM {rows.ViewName}
            WHERE grp IS NOT NULL AND raw IS NOT NULL GROUP BY grp, raw
            """, cancellationToken);
        var formats = new Dictionary<string, NumberFormat>();
        var groups = new List<(string Group, string Header, ColumnMapping? Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT grp, any_value(score_column) FROM rawvals_{suffix} GROUP BY grp ORDER BY grp";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add((reader.GetString(0), reader.GetString(1), ColumnOf(rows, reader.GetString(1))));
            }

            command.CommandText = NumberFormat.EvidenceSql(suffix);
            await using var evidence = await command.ExecuteReaderAsync(cancellationToken);
            while (await evidence.ReadAsync(cancellationToken))
            {
                var group = groups.First(g => g.Group == evidence.GetString(0));
                formats[group.Group] = NumberFormat.Decide(group.Column, Long(evidence, 1), Long(evidence, 2), Long(evidence, 3), Long(evidence, 4), evidence.IsDBNull(5) ? null : evidence.GetString(5));
            }
        }

        await WriteTablesAsync(connection, groups.Select(g => new ResolvedScale(g.Group, g.Header, GradeScales.Percent, 100, 50, false, formats.GetValueOrDefault(g.Group, NumberFormat.Plain), [])).ToList(), suffix, cancellationToken);
        var resolved = new List<ResolvedScale>();
        await using (var command = connection.CreateCommand())
        {
            var number = NumberFormat.ParseSql("v.raw", "sc");
            command.CommandText = $"""
                SELECT grp, flatten(list(raws) FILTER (WHERE num IS NULL))[1:60], min(num) FILTER (WHERE isfinite(num)),
                       bool_or(isfinite(num) AND num % 1 = 0.5), max(num) FILTER (WHERE isfinite(num) AND num <= 100),
                       sum(n) FILTER (WHERE isfinite(num) AND num > 100) / sum(n) FILTER (WHERE isfinite(num)),
                       list(num ORDER BY num DESC) FILTER (WHERE isfinite(num) AND abs(num) < {Sql.Number(Absurd)})[1:8],
                       CAST(sum(n) FILTER (WHERE isfinite(num)) AS BIGINT),
                       list(n ORDER BY num DESC) FILTER (WHERE isfinite(num) AND abs(num) < {Sql.Number(Absurd)})[1:8]
                FROM (SELECT grp, num, CAST(sum(n) AS BIGINT) AS n, list(raw) AS raws FROM (SELECT v.grp, v.raw, v.n, {number} AS num FROM rawvals_{suffix} v JOIN scales_{suffix} sc USING (grp)) GROUP BY grp, num)
                GROUP BY grp ORDER BY grp
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var group = groups.First(g => g.Group == reader.GetString(0));
                var sample = new List<string?>();
                if (!reader.IsDBNull(1))
                {
                    sample.AddRange(((System.Collections.IEnumerable)reader.GetValue(1)).Cast<object?>().Select(v => v?.ToString()));
                }

                var counts = reader.IsDBNull(8) ? [] : ((System.Collections.IEnumerable)reader.GetValue(8)).Cast<object?>().Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToList();
                var top = reader.IsDBNull(6) ? [] : ((System.Collections.IEnumerable)reader.GetValue(6)).Cast<object?>()
                    .Select((v, i) => (Convert.ToDouble(v, CultureInfo.InvariantCulture), counts[i])).ToList();
                var (bulkMax, outliers) = Bulk(top, reader.IsDBNull(7) ? 0 : Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture));
                if (!reader.IsDBNull(2) && bulkMax is { } largest)
                {
                    // A few values above 100 among percentages are typos to reject, not a wider scale; so is a lone value far above the rest.
                    var fewAbove100 = !reader.IsDBNull(4) && !reader.IsDBNull(5) && reader.GetDouble(5) <= OutlierShare;
                    sample.Add(reader.GetDouble(2).ToString("R", CultureInfo.InvariantCulture));
                    sample.Add((fewAbove100 ? Math.Min(reader.GetDouble(4), largest) : largest).ToString("R", CultureInfo.InvariantCulture));
                }

                if (!reader.IsDBNull(3) && reader.GetBoolean(3))
                {
                    sample.Add("4.5");
                }

                var column = group.Column;
                var scale = column?.Scale is { } id ? Declared(id, column.MaxScore, rows) : ScaleDetector.Detect(sample, group.Header);
                var max = column?.MaxScore ?? scale.Maximum;
                var proficiency = column?.MaxScore is { } declaredMax && scale.Maximum > 0
                    ? scale.DefaultProficiency / scale.Maximum * declaredMax
                    : scale.DefaultProficiency;
                resolved.Add(new ResolvedScale(group.Group, group.Header, scale, max, proficiency, column?.Scale is not null,
                    formats.GetValueOrDefault(group.Group, NumberFormat.Plain), column?.Scale is null ? outliers : []));
            }
        }

        await WriteTablesAsync(connection, resolved, suffix, cancellationToken);
        await PreparedTable.ExecuteAsync(connection, ParsedSql(suffix), cancellationToken);
        return resolved;
    }

    /// <summary>
    /// The table <c>parsed_N</c>: each distinct value of each scale group read once — its label's value, number, score and,
    /// when it cannot be stored, the reason (not a number, outside the scale, an outlier, not a whole or half grade).
    /// </summary>
    private static string ParsedSql(string suffix) => $"""
        CREATE OR REPLACE TEMP TABLE parsed_{suffix} AS
        SELECT grp, raw, scale_id, label_value, number, grade_label, score,
               CASE WHEN score IS NULL AND number IS NOT NULL THEN '''' || raw || ''' is not a finite number'
                    WHEN score IS NULL AND {ExcelErrors.Condition("raw")} THEN {ExcelErrors.Reason("raw")}
                    WHEN score IS NULL THEN '''' || raw || ''' is not a number or grade on the ' || scale_name || ' scale'
                    WHEN score > max_value AND NOT declared
                         THEN 'far above the column''s other values, which fit the ' || scale_name || ' scale: an outlier is reported, never a reason to widen the scale'
                    WHEN score < min_value OR score > max_value THEN 'outside the ' || scale_name || ' scale (' || min_value || ' to ' || max_value || ')'
                    WHEN half_grades AND (score * 2) % 1 <> 0 THEN 'not a whole or half grade on the ' || scale_name || ' scale' END AS reason
        FROM (SELECT *, CASE WHEN label_value IS NOT NULL THEN label_value WHEN isfinite(number) THEN number END AS score
              FROM (SELECT v.grp, v.raw, sc.scale_id, sc.scale_name, sc.min_value, sc.max_value, sc.declared, sc.half_grades, lb.value AS label_value,
                           CASE WHEN lb.label IS NULL THEN {NumberFormat.ParseSql("v.raw", "sc")} END AS number,
                           CASE WHEN lb.label IS NOT NULL THEN v.raw END AS grade_label
                    FROM rawvals_{suffix} v JOIN scales_{suffix} sc USING (grp)
                    LEFT JOIN labels_{suffix} lb ON lb.grp = v.grp AND lb.label = upper(v.raw)))
        """;

    /// <summary>
    /// The largest value of the bulk, from the group's largest distinct values (descending, with their counts) and its
    /// count of numbers: a value more than twice the next one (and above 20) is an outlier, and so on down, as long as the
    /// outliers stay under a tenth of the numbers and at least five remain. Null when the group has no number.
    /// </summary>
    internal static (double? Largest, IReadOnlyList<double> Outliers) Bulk(IReadOnlyList<(double Value, long Count)> top, long numbers)
    {
        if (top.Count == 0)
        {
            return (null, []);
        }

        var drop = 0;
        long outlying = 0;
        while (drop < top.Count - 1 && top[drop].Value > 20 && top[drop + 1].Value > 0 && top[drop].Value > 2 * top[drop + 1].Value
               && (outlying + top[drop].Count) * 10 <= numbers && numbers - outlying - top[drop].Count >= 5)
        {
            outlying += top[drop].Count;
            drop++;
        }

        return (top[drop].Value, [.. top.Take(drop).Select(t => t.Value)]);
    }

    private static ColumnMapping? ColumnOf(StudentRows rows, string header) => rows.IsLong
        ? rows.ScoreColumns.Select(d => d.Column).FirstOrDefault(c => c.Scale is not null) ?? rows.ScoreColumns.Select(d => d.Column).FirstOrDefault(c => c.Header == header)
        : rows.ScoreColumns.First(c => c.Column.Header == header).Column;

    private static long Long(System.Data.Common.DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

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
        await PreparedTable.ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP TABLE scales_{suffix} (grp VARCHAR, scale_id VARCHAR, scale_name VARCHAR, min_value DOUBLE, max_value DOUBLE,
                half_grades BOOLEAN, max_score DOUBLE, proficiency DOUBLE, declared BOOLEAN, decimal_comma BOOLEAN, thousands_comma BOOLEAN, thousands_point BOOLEAN);
            CREATE OR REPLACE TEMP TABLE labels_{suffix} (grp VARCHAR, label VARCHAR, value DOUBLE);
            """, cancellationToken);
        using (var appender = connection.CreateAppender($"scales_{suffix}"))
        {
            foreach (var s in scales)
            {
                appender.CreateRow().AppendValue(s.Group).AppendValue(s.Scale.Id).AppendValue(s.Scale.DisplayName)
                    .AppendValue(s.Scale.Minimum).AppendValue(Math.Max(s.Scale.Maximum, s.MaxScore)).AppendValue(s.Scale.AllowsHalfGrades)
                    .AppendValue(s.MaxScore).AppendValue(s.Proficiency).AppendValue(s.Declared)
                    .AppendValue(s.Format.DecimalComma).AppendValue(s.Format.ThousandsComma).AppendValue(s.Format.ThousandsPoint).EndRow();
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

    /// <summary>
    /// The table <c>scored_N</c>: the long rows, each with its value as read once in <c>parsed_N</c> (number as written,
    /// possibly not finite; score, a grade label's value or the finite number; grade label; the reason it cannot be
    /// stored), and its date; the date, weight and maximum parsed only when the file has such a column.
    /// </summary>
    public static string ScoredViewSql(StudentRows rows, string suffix)
    {
        var date = "COALESCE(TRY_CAST(l.taken_raw AS DATE), TRY_STRPTIME(l.taken_raw, '%d/%m/%Y')::DATE)";
        var takenOn = rows.Index(ColumnRole.Date) is null ? "NULL::DATE" : $"CASE WHEN year({date}) BETWEEN 1000 AND 9999 THEN {date} END";
        var weight = rows.Index(ColumnRole.Weight) is null ? "NULL::DOUBLE" : "TRY_CAST(replace(l.weight_raw, ',', '.') AS DOUBLE)";
        var max = rows.Index(ColumnRole.MaxScore) is null ? "NULL::DOUBLE" : "TRY_CAST(replace(l.max_raw, ',', '.') AS DOUBLE)";
        return $"""
            CREATE OR REPLACE TEMP TABLE scored_{suffix} AS
            SELECT l.*, p.scale_id, p.label_value, p.number, p.grade_label, {takenOn} AS taken_on, {weight} AS weight, {max} AS row_max,
                   p.score, p.reason
            FROM {rows.ViewName} l LEFT JOIN parsed_{suffix} p ON p.grp = l.grp AND p.raw = l.raw
            """;
    }
}
