using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tracking;

/// <summary>
/// Student-level Tracking answers, one text for both stores: each student's path through a subject's series, a
/// student's standing in every subject, and the students furthest below their baseline. The stable sample orders by a
/// hash of the student's key (DuckDB's hash(), PostgreSQL's md5: the same students every time on a store, not the same
/// students on both); the latest result is the one of the greatest series order (ties: the later series name).
/// </summary>
internal static class StudentPathQueries
{
    public static async Task<SubjectStudents> StudentsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, TrackingFilter filter, int limit, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return new SubjectStudents(filter.Subject, 0, false, []);
        }

        await using var command = connection.CreateCommand();
        var students = sql.TrackedStudents(scope, filter, command);
        sql.Parameter(command, "subject", filter.Subject);
        sql.Parameter(command, "limit", limit);
        // The sample is chosen first, so only its students' paths are assembled.
        command.CommandText = sql.Parameters($"""
            WITH taking AS (
                SELECT DISTINCT r.student_key
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = $subject AND a.domain = '' AND {students}),
            chosen AS (
                SELECT student_key, {sql.StableOrder("student_key")} AS sample_order, count(*) OVER () AS total FROM taking
                ORDER BY {sql.StableOrder("student_key")}, student_key LIMIT $limit),
            cells AS (
                SELECT s.student_key, s.student_id, a.series, a.series_order, r.score
                FROM chosen c
                JOIN results r ON r.student_key = c.student_key
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = $subject AND a.domain = ''),
            paths AS (
                SELECT student_key, {sql.AnyValue("student_id")} AS student_id,
                       {sql.List("series ORDER BY series_order, series")} AS series, {sql.List("score ORDER BY series_order, series")} AS scores,
                       {sql.ArgMax("series", "series_order", "series")} AS latest_series, {sql.ArgMax("score", "series_order", "series")} AS latest,
                       min(score) AS lo, max(score) AS hi
                FROM cells GROUP BY student_key)
            SELECT p.student_id, b.expected, p.series, p.scores, p.latest_series, p.latest, p.lo, p.hi, c.total
            FROM paths p JOIN chosen c ON c.student_key = p.student_key
            LEFT JOIN baselines b ON b.student_key = p.student_key AND b.subject = $subject
            ORDER BY c.sample_order, p.student_key
            """);
        var list = new List<StudentProgress>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StudentProgress(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDouble(1),
                StoreSqlDialect.ReadList(reader, 2).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToList(),
                StoreSqlDialect.ReadList(reader, 3).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList(),
                reader.GetString(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7)));
            total = reader.GetInt64(8);
        }

        return new SubjectStudents(filter.Subject, total, total > list.Count, list);
    }

    /// <summary>Every subject a student takes: latest grade and baseline, most below baseline first, no-baseline subjects last.</summary>
    public static async Task<IReadOnlyList<SubjectStanding>> StandingsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, string studentId, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return [];
        }

        // Two steps, each a lookup by a constant: the student's keys within scope, then their results. DuckDB stores
        // students in id order and results in key order, so both skip almost every row group; PostgreSQL uses its indexes.
        var keys = await StudentKeysAsync(connection, sql, scope, studentId, cancellationToken);
        if (keys.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        var names = keys.Select((key, i) => sql.Parameter(command, $"k{i}", key)).ToList();
        command.CommandText = $"""
            WITH latest AS (
                SELECT r.student_key, a.subject, {sql.ArgMax("a.series", "a.series_order", "a.series")} AS series,
                       {sql.ArgMax("r.score", "a.series_order", "a.series")} AS score
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

    /// <summary>The students whose latest grade in the subject is furthest below their baseline (none for an aggregates-only scope).</summary>
    public static async Task<IReadOnlyList<StudentBelowBaseline>> FurthestBelowAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, TrackingFilter filter, int furthest, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        var students = sql.TrackedStudents(scope, filter, command);
        sql.Parameter(command, "subject", filter.Subject);
        sql.Parameter(command, "furthest", furthest);
        command.CommandText = sql.Parameters($"""
            WITH latest AS (
                SELECT s.student_key, {sql.AnyValue("s.student_id")} AS student_id, {sql.ArgMax("a.series", "a.series_order", "a.series")} AS series,
                       {sql.ArgMax("r.score", "a.series_order", "a.series")} AS score
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = $subject AND a.domain = '' AND {students}
                GROUP BY s.student_key)
            SELECT l.student_id, b.expected, l.series, l.score
            FROM latest l JOIN baselines b ON b.student_key = l.student_key AND b.subject = $subject
            WHERE l.score < b.expected
            ORDER BY l.score - b.expected, l.student_id LIMIT $furthest
            """);
        var below = new List<StudentBelowBaseline>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            below.Add(new StudentBelowBaseline(reader.GetString(0), reader.GetDouble(1), reader.GetString(2), reader.GetDouble(3)));
        }

        return below;
    }

    /// <summary>The student's keys within the scope (one per organisation that knows the id); the Students answer reads them too.</summary>
    internal static async Task<IReadOnlyList<long>> StudentKeysAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, string studentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        command.CommandText = $"SELECT s.student_key FROM students s WHERE s.student_id = {sql.Parameter(command, "student_id", studentId)} AND {students}";
        var keys = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetInt64(0));
        }

        return keys;
    }
}
