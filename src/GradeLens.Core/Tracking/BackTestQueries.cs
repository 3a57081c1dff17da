using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tracking;

/// <summary>The back-test of a subject's mocks against its final, one text for both stores.</summary>
internal static class BackTestQueries
{
    /// <summary>Every earlier series of the subject (all subjects when the filter's subject is empty) against its final.</summary>
    public static async Task<IReadOnlyList<MockBackTest>> BackTestAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, TrackingFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.TrackedStudents(scope, filter, command);
        sql.Parameter(command, "subject", filter.Subject);
        sql.Parameter(command, "min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1);
        command.CommandText = sql.Parameters($"""
            WITH scored AS (
                SELECT a.subject, a.series, a.series_order, r.student_key, r.score,
                       CASE a.scale WHEN 'percent' THEN 10 WHEN 'points' THEN a.max_score / 10 ELSE 1 END AS step
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE ($subject = '' OR a.subject = $subject) AND a.domain = '' AND {students}),
            finals AS (SELECT subject, {sql.ArgMax("series", "series_order", "series")} AS final_series FROM scored GROUP BY subject),
            pairs AS (
                SELECT m.subject, m.series, m.series_order, f.final_series, m.score AS mock, x.score AS final, m.step
                FROM scored m
                JOIN finals f ON f.subject = m.subject AND m.series <> f.final_series
                JOIN scored x ON x.subject = m.subject AND x.series = f.final_series AND x.student_key = m.student_key)
            SELECT subject, series, {sql.AnyValue("final_series")}, count(*), avg(abs(mock - final)), avg(mock - final),
                   corr(mock, final), 100.0 * avg(CASE WHEN abs(mock - final) <= step THEN 1 ELSE 0 END), max(step)
            FROM pairs GROUP BY subject, series HAVING count(*) >= $min_n
            ORDER BY subject, min(series_order), series
            """);
        var hidden = await FilterDisclosure.HiddenAsync(connection, sql, scope, filter, FilterDisclosure.Population.ScoresWithFinal, cancellationToken);
        var tests = new List<MockBackTest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (hidden.Contains(FilterDisclosure.Key(reader.GetString(0), reader.GetString(1))))
            {
                continue;
            }

            double? r = reader.IsDBNull(6) ? null : reader.GetDouble(6);
            tests.Add(new MockBackTest(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetDouble(4),
                reader.GetDouble(5), r is { } value && double.IsFinite(value) ? value : null,
                Convert.ToDouble(reader.GetValue(7), CultureInfo.InvariantCulture), reader.GetDouble(8)));
        }

        return tests;
    }
}
