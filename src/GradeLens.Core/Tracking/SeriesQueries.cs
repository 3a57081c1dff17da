using System.Data.Common;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tracking;

/// <summary>
/// The Tracking page's per-series aggregates, one query for both stores: box statistics (percentile_cont, DuckDB's
/// quantile_cont, interpolates as numpy's default) and the counts above, at and below baseline.
/// </summary>
internal static class SeriesQueries
{
    public static async Task<IReadOnlyList<SeriesBox>> BoxesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, TrackingFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.TrackedStudents(scope, filter, command);
        sql.Parameter(command, "subject", filter.Subject);
        sql.Parameter(command, "min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1);
        command.CommandText = sql.Parameters($"""
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
                       percentile_cont(0.25) WITHIN GROUP (ORDER BY score) AS q1, percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS median,
                       percentile_cont(0.75) WITHIN GROUP (ORDER BY score) AS q3, max(score) AS hi, avg(score) AS mean
                FROM cells GROUP BY series, is_baseline HAVING count(*) >= $min_n)
            SELECT b.series, b.is_baseline, b.n, b.lo,
                   min(c.score) FILTER (WHERE c.score >= b.q1 - 1.5 * (b.q3 - b.q1)),
                   b.q1, b.median, b.q3,
                   max(c.score) FILTER (WHERE c.score <= b.q3 + 1.5 * (b.q3 - b.q1)),
                   b.hi, b.mean
            FROM boxes b JOIN cells c ON c.series = b.series AND c.is_baseline = b.is_baseline
            GROUP BY b.series, b.is_baseline, b.series_order, b.n, b.lo, b.q1, b.median, b.q3, b.hi, b.mean
            ORDER BY b.series_order, b.series
            """);
        var hidden = await FilterDisclosure.HiddenAsync(connection, sql, scope, filter, FilterDisclosure.Population.Scores, cancellationToken);
        // The extremes and whiskers are single pupils' scores: never for an aggregates-only caller.
        double? Extreme(DbDataReader reader, int ordinal) => scope.AggregatesOnly ? null : reader.GetDouble(ordinal);
        var boxes = new List<SeriesBox>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (hidden.Contains(FilterDisclosure.Key(filter.Subject, reader.GetString(0))))
            {
                continue;
            }

            boxes.Add(new SeriesBox(reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2), Extreme(reader, 3), Extreme(reader, 4),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), Extreme(reader, 8), Extreme(reader, 9), reader.GetDouble(10)));
        }

        return boxes;
    }

    /// <summary>Per series the students with a baseline in the subject, and how many are above, at and below it.</summary>
    public static async Task<IReadOnlyList<BaselineShare>> BaselineSharesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, TrackingFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.TrackedStudents(scope, filter, command);
        sql.Parameter(command, "subject", filter.Subject);
        sql.Parameter(command, "min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1);
        command.CommandText = sql.Parameters($"""
            SELECT a.series, count(*), count(*) FILTER (WHERE r.score > b.expected), count(*) FILTER (WHERE r.score = b.expected),
                   count(*) FILTER (WHERE r.score < b.expected)
            FROM results r
            JOIN assessments a ON a.assessment_key = r.assessment_key
            JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
            JOIN baselines b ON b.student_key = r.student_key AND b.subject = a.subject
            WHERE a.subject = $subject AND a.domain = '' AND {students}
            GROUP BY a.series HAVING count(*) >= $min_n ORDER BY min(a.series_order), a.series
            """);
        var hidden = await FilterDisclosure.HiddenAsync(connection, sql, scope, filter, FilterDisclosure.Population.ScoresWithBaseline, cancellationToken);
        var shares = new List<BaselineShare>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (hidden.Contains(FilterDisclosure.Key(filter.Subject, reader.GetString(0))))
            {
                continue;
            }

            shares.Add(new BaselineShare(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return shares;
    }
}
