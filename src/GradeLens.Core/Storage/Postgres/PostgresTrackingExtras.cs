using GradeLens.Core.Storage.DuckDb;
using GradeLens.Core.Tracking;
using Npgsql;
using static GradeLens.Core.Storage.Postgres.PostgresScopeSql;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>The Tracking page's supporting answers in PostgreSQL (<see cref="DuckDbTrackingExtras"/>): a subject's scale, its groups, the back-test of its mocks.</summary>
internal static class PostgresTrackingExtras
{
    public static async Task<SubjectScale?> ScaleAsync(NpgsqlConnection connection, Scope scope, string subject, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var organisation = OrganisationCondition(scope, command);
        Text(command, "subject", subject);
        command.CommandText = $"""
            SELECT scale, max(max_score) FROM assessments
            WHERE subject = @subject AND domain = '' AND {organisation}
            GROUP BY scale ORDER BY count(*) DESC, scale LIMIT 1
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SubjectScale.For(reader.GetString(0), reader.GetDouble(1)) : null;
    }

    public static async Task<IReadOnlyList<TrackingGroup>> GroupsAsync(NpgsqlConnection connection, Scope scope, string subject, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = StudentCondition(scope, command);
        Text(command, "subject", subject);
        Integer(command, "min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1);
        var columns = string.Join("\n    UNION ALL ", TrackingFilterSql.StudentColumns.Select(c => $"SELECT '{c}' AS attribute, {c} AS value, student_key FROM taking WHERE {c} IS NOT NULL AND {c} <> ''"));
        command.CommandText = $"""
            WITH taking AS (
                SELECT DISTINCT s.student_key, s.school, s.region, s.grade_level, s.gender
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = @subject AND a.domain = '' AND {students}),
            grouped AS (
                {columns}
                UNION ALL SELECT f.name, f.value, f.student_key FROM student_attributes f JOIN taking t ON t.student_key = f.student_key),
            counted AS (SELECT attribute, value, count(*) AS n FROM grouped GROUP BY attribute, value HAVING count(*) >= @min_n)
            SELECT attribute, value, n FROM counted
            WHERE attribute IN (SELECT attribute FROM counted GROUP BY attribute HAVING count(*) BETWEEN 2 AND {DuckDbTrackingExtras.MaxGroupValues})
            ORDER BY attribute, value
            """;
        var rows = new List<(string Attribute, TrackingGroupValue Value)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), new TrackingGroupValue(reader.GetString(1), reader.GetInt64(2))));
        }

        return rows.GroupBy(r => r.Attribute).Select(g => new TrackingGroup(g.Key, g.Select(r => r.Value).ToList())).ToList();
    }

    /// <summary>Every earlier series of the subject (all subjects when the filter's subject is empty) against its final.</summary>
    public static async Task<IReadOnlyList<MockBackTest>> BackTestAsync(NpgsqlConnection connection, Scope scope, TrackingFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = StudentCondition(scope, command) + " AND " + FilterCondition(filter, command);
        Text(command, "subject", filter.Subject);
        Integer(command, "min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1);
        command.CommandText = $"""
            WITH scored AS (
                SELECT a.subject, a.series, a.series_order, r.student_key, r.score,
                       CASE a.scale WHEN 'percent' THEN 10 WHEN 'points' THEN a.max_score / 10 ELSE 1 END AS step
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE (@subject = '' OR a.subject = @subject) AND a.domain = '' AND {students}),
            finals AS (
                SELECT DISTINCT ON (subject) subject, series AS final_series FROM scored
                ORDER BY subject, series_order DESC, series DESC),
            pairs AS (
                SELECT m.subject, m.series, m.series_order, f.final_series, m.score AS mock, x.score AS final, m.step
                FROM scored m
                JOIN finals f ON f.subject = m.subject AND m.series <> f.final_series
                JOIN scored x ON x.subject = m.subject AND x.series = f.final_series AND x.student_key = m.student_key)
            SELECT subject, series, min(final_series), count(*), avg(abs(mock - final)), avg(mock - final),
                   corr(mock, final), 100.0 * avg(CASE WHEN abs(mock - final) <= step THEN 1 ELSE 0 END), max(step)
            FROM pairs GROUP BY subject, series HAVING count(*) >= @min_n
            ORDER BY subject, min(series_order), series
            """;
        var tests = new List<MockBackTest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            double? r = reader.IsDBNull(6) ? null : reader.GetDouble(6);
            tests.Add(new MockBackTest(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetDouble(4),
                reader.GetDouble(5), r is { } value && double.IsFinite(value) ? value : null, Convert.ToDouble(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture), reader.GetDouble(8)));
        }

        return tests;
    }
}
