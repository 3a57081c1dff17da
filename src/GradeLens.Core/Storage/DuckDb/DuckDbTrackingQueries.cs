using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>Tracking aggregates, computed in SQL within the caller's scope.</summary>
internal static class DuckDbTrackingQueries
{
    private static readonly string[] StudentColumns = ["school", "region", "grade_level", "gender"];

    public static async Task<IReadOnlyList<SeriesBox>> SeriesBoxesAsync(DuckDBConnection connection, Scope scope, TrackingFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = ScopeSql.StudentCondition(scope, command) + " AND " + FilterCondition(filter, command);
        command.Parameters.Add(new DuckDBParameter("subject", filter.Subject));
        command.Parameters.Add(new DuckDBParameter("min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1));
        command.CommandText = $"""
            WITH cells AS (
                SELECT a.series, false AS is_baseline, a.series_order AS series_order, r.score
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = $subject AND a.domain = '' AND {students}
                UNION ALL
                SELECT b.source, true, -1, b.expected
                FROM baselines b JOIN students s ON s.student_key = b.student_key
                WHERE b.subject = $subject AND {students}),
            boxes AS (
                SELECT series, is_baseline, min(series_order) AS series_order, count(*) AS n, min(score) AS lo,
                       quantile_cont(score, 0.25) AS q1, quantile_cont(score, 0.5) AS median, quantile_cont(score, 0.75) AS q3,
                       max(score) AS hi, avg(score) AS mean
                FROM cells GROUP BY series, is_baseline HAVING count(*) >= $min_n)
            SELECT b.series, b.is_baseline, b.n, b.lo,
                   min(c.score) FILTER (WHERE c.score >= b.q1 - 1.5 * (b.q3 - b.q1)),
                   b.q1, b.median, b.q3,
                   max(c.score) FILTER (WHERE c.score <= b.q3 + 1.5 * (b.q3 - b.q1)),
                   b.hi, b.mean
            FROM boxes b JOIN cells c ON c.series = b.series AND c.is_baseline = b.is_baseline
            GROUP BY b.series, b.is_baseline, b.series_order, b.n, b.lo, b.q1, b.median, b.q3, b.hi, b.mean
            ORDER BY b.series_order, b.series
            """;
        var boxes = new List<SeriesBox>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            boxes.Add(new SeriesBox(reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10)));
        }

        return boxes;
    }

    /// <summary>A condition on students alias s: one of their fixed columns, or one imported attribute, equals the value.</summary>
    private static string FilterCondition(TrackingFilter filter, DuckDBCommand command)
    {
        if (string.IsNullOrWhiteSpace(filter.Attribute) || filter.Value is null)
        {
            return "TRUE";
        }

        command.Parameters.Add(new DuckDBParameter("filter_value", filter.Value));
        var column = filter.Attribute.Trim().ToLower(CultureInfo.InvariantCulture);
        if (StudentColumns.Contains(column))
        {
            return $"s.{column} = $filter_value";
        }

        command.Parameters.Add(new DuckDBParameter("filter_name", filter.Attribute.Trim()));
        return "EXISTS (SELECT 1 FROM student_attributes f WHERE f.student_key = s.student_key AND f.name = $filter_name AND f.value = $filter_value)";
    }
}
