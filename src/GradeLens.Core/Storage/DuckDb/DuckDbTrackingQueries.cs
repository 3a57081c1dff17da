using DuckDB.NET.Data;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>Tracking aggregates, computed in SQL within the caller's scope (the per-series boxes and shares: <see cref="SeriesQueries"/>).</summary>
internal static class DuckDbTrackingQueries
{
    public static async Task<SubjectStudents> StudentsAsync(DuckDBConnection connection, Scope scope, TrackingFilter filter, int limit, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return new SubjectStudents(filter.Subject, 0, false, []);
        }

        await using var command = connection.CreateCommand();
        var students = ScopeSql.StudentCondition(scope, command) + " AND " + TrackingFilterSql.Condition(filter, command);
        command.Parameters.Add(new DuckDBParameter("subject", filter.Subject));
        command.Parameters.Add(new DuckDBParameter("limit", limit));
        // A stable sample: the same students every time (ordered by a hash of their key), not the first ones in the file.
        // The sample is chosen first, so only its students' paths are assembled.
        command.CommandText = $"""
            WITH taking AS (
                SELECT DISTINCT r.student_key
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = $subject AND a.domain = '' AND {students}),
            chosen AS (
                SELECT student_key, count(*) OVER () AS total FROM taking
                ORDER BY hash(student_key), student_key LIMIT $limit),
            cells AS (
                SELECT s.student_key, s.student_id, a.series, a.series_order, r.score
                FROM chosen c
                JOIN results r ON r.student_key = c.student_key
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = $subject AND a.domain = ''),
            paths AS (
                SELECT student_key, any_value(student_id) AS student_id,
                       list(series ORDER BY series_order, series) AS series, list(score ORDER BY series_order, series) AS scores,
                       arg_max(series, series_order) AS latest_series, arg_max(score, series_order) AS latest,
                       min(score) AS lo, max(score) AS hi
                FROM cells GROUP BY student_key)
            SELECT p.student_id, b.expected, p.series, p.scores, p.latest_series, p.latest, p.lo, p.hi, c.total
            FROM paths p JOIN chosen c ON c.student_key = p.student_key
            LEFT JOIN baselines b ON b.student_key = p.student_key AND b.subject = $subject
            ORDER BY hash(p.student_key), p.student_key
            """;
        var list = new List<StudentProgress>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StudentProgress(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDouble(1),
                ((System.Collections.IEnumerable)reader.GetValue(2)).Cast<object>().Select(v => v.ToString()!).ToList(),
                ((System.Collections.IEnumerable)reader.GetValue(3)).Cast<object>().Select(Convert.ToDouble).ToList(),
                reader.GetString(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7)));
            total = reader.GetInt64(8);
        }

        return new SubjectStudents(filter.Subject, total, total > list.Count, list);
    }

    /// <summary>Every subject a student takes: latest grade and baseline, most below baseline first, no-baseline subjects last.</summary>
    public static async Task<IReadOnlyList<SubjectStanding>> StandingsAsync(DuckDBConnection connection, Scope scope, string studentId, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return [];
        }

        // Two steps, each a lookup by a constant: the student's keys within scope, then their results. Students are
        // stored in id order and results in key order, so both skip almost every row group instead of joining whole tables.
        var keys = await StudentKeysAsync(connection, scope, studentId, cancellationToken);
        if (keys.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        var names = keys.Select((key, i) =>
        {
            command.Parameters.Add(new DuckDBParameter($"k{i}", key));
            return $"$k{i}";
        }).ToList();
        command.CommandText = $"""
            WITH latest AS (
                SELECT r.student_key, a.subject, arg_max(a.series, a.series_order) AS series, arg_max(r.score, a.series_order) AS score
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                WHERE r.student_key IN ({string.Join(", ", names)}) AND a.domain = ''
                GROUP BY r.student_key, a.subject)
            SELECT l.subject, b.expected, l.series, l.score
            FROM latest l LEFT JOIN baselines b ON b.student_key = l.student_key AND b.subject = l.subject
            ORDER BY b.expected IS NULL, l.score - b.expected, l.subject
            """;
        var standings = new List<SubjectStanding>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            standings.Add(new SubjectStanding(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDouble(1), reader.GetString(2), reader.GetDouble(3)));
        }

        return standings;
    }

    private static async Task<IReadOnlyList<long>> StudentKeysAsync(DuckDBConnection connection, Scope scope, string studentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = ScopeSql.StudentCondition(scope, command);
        command.Parameters.Add(new DuckDBParameter("student_id", studentId));
        command.CommandText = $"SELECT s.student_key FROM students s WHERE s.student_id = $student_id AND {students}";
        var keys = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetInt64(0));
        }

        return keys;
    }

    /// <summary>Per series the counts above, at and below baseline; and the students whose latest grade is furthest below it.</summary>
    public static async Task<BaselineComparison> BaselineComparisonAsync(DuckDBConnection connection, Scope scope, TrackingFilter filter, int furthest, CancellationToken cancellationToken)
    {
        var shares = await SeriesQueries.BaselineSharesAsync(connection, StoreSqlDialect.DuckDb, scope, filter, cancellationToken);
        var below = new List<StudentBelowBaseline>();
        if (!scope.AggregatesOnly)
        {
            await using var command = connection.CreateCommand();
            var students = ScopeSql.StudentCondition(scope, command) + " AND " + TrackingFilterSql.Condition(filter, command);
            command.Parameters.Add(new DuckDBParameter("subject", filter.Subject));
            command.Parameters.Add(new DuckDBParameter("furthest", furthest));
            command.CommandText = $"""
                WITH latest AS (
                    SELECT s.student_key, any_value(s.student_id) AS student_id, arg_max(a.series, a.series_order) AS series, arg_max(r.score, a.series_order) AS score
                    FROM results r
                    JOIN assessments a ON a.assessment_key = r.assessment_key
                    JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                    WHERE a.subject = $subject AND a.domain = '' AND {students}
                    GROUP BY s.student_key)
                SELECT l.student_id, b.expected, l.series, l.score
                FROM latest l JOIN baselines b ON b.student_key = l.student_key AND b.subject = $subject
                WHERE l.score < b.expected
                ORDER BY l.score - b.expected, l.student_id LIMIT $furthest
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                below.Add(new StudentBelowBaseline(reader.GetString(0), reader.GetDouble(1), reader.GetString(2), reader.GetDouble(3)));
            }
        }

        return new BaselineComparison(filter.Subject, shares, below);
    }
}
