using GradeLens.Core.Tracking;
using Npgsql;
using static GradeLens.Core.Storage.Postgres.PostgresScopeSql;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// Tracking aggregates in PostgreSQL, the same answers as <see cref="DuckDb.DuckDbTrackingQueries"/> (the per-series boxes
/// and shares are shared: <see cref="SeriesQueries"/>): DISTINCT ON takes arg_max's place (ties broken by series name), and the stable sample
/// is ordered by md5 of the student's key (deterministic on every server; not the same students as DuckDB's hash()).
/// </summary>
internal static class PostgresTrackingQueries
{
    public static async Task<SubjectStudents> StudentsAsync(NpgsqlConnection connection, Scope scope, TrackingFilter filter, int limit, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return new SubjectStudents(filter.Subject, 0, false, []);
        }

        await using var command = connection.CreateCommand();
        var students = StudentCondition(scope, command) + " AND " + FilterCondition(filter, command);
        Text(command, "subject", filter.Subject);
        Integer(command, "limit", limit);
        // A stable sample: the same students every time (ordered by md5 of their key), not the first ones in the file.
        command.CommandText = $"""
            WITH taking AS (
                SELECT DISTINCT r.student_key
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = @subject AND a.domain = '' AND {students}),
            chosen AS (
                SELECT student_key, md5(student_key::text) AS sample_order, count(*) OVER () AS total FROM taking
                ORDER BY md5(student_key::text), student_key LIMIT @limit),
            cells AS (
                SELECT s.student_key, s.student_id, a.series, a.series_order, r.score
                FROM chosen c
                JOIN results r ON r.student_key = c.student_key
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = @subject AND a.domain = ''),
            paths AS (
                SELECT student_key, min(student_id) AS student_id,
                       array_agg(series ORDER BY series_order, series) AS series, array_agg(score ORDER BY series_order, series) AS scores,
                       (array_agg(series ORDER BY series_order DESC, series DESC))[1] AS latest_series,
                       (array_agg(score ORDER BY series_order DESC, series DESC))[1] AS latest,
                       min(score) AS lo, max(score) AS hi
                FROM cells GROUP BY student_key)
            SELECT p.student_id, b.expected, p.series, p.scores, p.latest_series, p.latest, p.lo, p.hi, c.total
            FROM paths p JOIN chosen c ON c.student_key = p.student_key
            LEFT JOIN baselines b ON b.student_key = p.student_key AND b.subject = @subject
            ORDER BY c.sample_order, p.student_key
            """;
        var list = new List<StudentProgress>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StudentProgress(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDouble(1),
                reader.GetFieldValue<string[]>(2), reader.GetFieldValue<double[]>(3),
                reader.GetString(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7)));
            total = reader.GetInt64(8);
        }

        return new SubjectStudents(filter.Subject, total, total > list.Count, list);
    }

    /// <summary>Every subject a student takes: latest grade and baseline, most below baseline first, no-baseline subjects last.</summary>
    public static async Task<IReadOnlyList<SubjectStanding>> StandingsAsync(NpgsqlConnection connection, Scope scope, string studentId, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return [];
        }

        // One query: the index on students(student_id) finds the student, the one on results(student_key, ...) their results.
        await using var command = connection.CreateCommand();
        var students = StudentCondition(scope, command);
        Text(command, "student_id", studentId);
        command.CommandText = $"""
            WITH latest AS (
                SELECT DISTINCT ON (r.student_key, a.subject) r.student_key, a.subject, a.series, r.score
                FROM students s
                JOIN results r ON r.student_key = s.student_key
                JOIN assessments a ON a.assessment_key = r.assessment_key
                WHERE s.student_id = @student_id AND {students} AND a.domain = ''
                ORDER BY r.student_key, a.subject, a.series_order DESC, a.series DESC)
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

    /// <summary>Per series the counts above, at and below baseline; and the students whose latest grade is furthest below it.</summary>
    public static async Task<BaselineComparison> BaselineComparisonAsync(NpgsqlConnection connection, Scope scope, TrackingFilter filter, int furthest, CancellationToken cancellationToken)
    {
        var shares = await SeriesQueries.BaselineSharesAsync(connection, StoreSqlDialect.Postgres, scope, filter, cancellationToken);
        var below = new List<StudentBelowBaseline>();
        if (!scope.AggregatesOnly)
        {
            await using var command = connection.CreateCommand();
            var students = StudentCondition(scope, command) + " AND " + FilterCondition(filter, command);
            Text(command, "subject", filter.Subject);
            Integer(command, "furthest", furthest);
            command.CommandText = $"""
                WITH latest AS (
                    SELECT DISTINCT ON (s.student_key) s.student_key, s.student_id, a.series, r.score
                    FROM results r
                    JOIN assessments a ON a.assessment_key = r.assessment_key
                    JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                    WHERE a.subject = @subject AND a.domain = '' AND {students}
                    ORDER BY s.student_key, a.series_order DESC, a.series DESC)
                SELECT l.student_id, b.expected, l.series, l.score
                FROM latest l JOIN baselines b ON b.student_key = l.student_key AND b.subject = @subject
                WHERE l.score < b.expected
                ORDER BY l.score - b.expected, l.student_id LIMIT @furthest
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
