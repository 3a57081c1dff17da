using System.Data.Common;
using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Students;

/// <summary>A student's whole record (every result and baseline) for the Students page: lookups by constants, one text for both stores.</summary>
internal static class StudentResultQueries
{
    public static async Task<IReadOnlyList<StudentResult>> ResultsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, string studentId, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return [];
        }

        // Two steps, each a lookup by constants: the student's keys within scope, then their results and baselines. DuckDB
        // stores students in id order and results in key order, so both skip almost every row group (a join on the
        // student's key read the whole results table on every request); PostgreSQL uses its indexes.
        var keys = await StudentPathQueries.StudentKeysAsync(connection, sql, scope, studentId, cancellationToken);
        if (keys.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        var list = string.Join(", ", keys.Select((key, i) => sql.Parameter(command, $"k{i}", key)));
        command.CommandText = $"""
            WITH student AS (SELECT s.student_key, s.organisation FROM students s WHERE s.student_key IN ({list})),
            own AS (SELECT r.student_key, r.assessment_key, r.score, r.grade FROM results r WHERE r.student_key IN ({list})),
            own_baselines AS (SELECT b.student_key, b.subject, b.expected, b.scale, b.source FROM baselines b WHERE b.student_key IN ({list}))
            SELECT s.organisation, a.subject, a.domain, a.series, a.series_order, false AS is_baseline, CAST(a.taken_on AS VARCHAR) AS taken_on,
                   r.score, r.grade, a.scale
            FROM student s
            JOIN own r ON r.student_key = s.student_key
            JOIN assessments a ON a.assessment_key = r.assessment_key AND a.organisation = s.organisation
            UNION ALL
            SELECT s.organisation, b.subject, '', b.source, -1, true, CAST(NULL AS VARCHAR), b.expected, CAST(NULL AS VARCHAR), b.scale
            FROM student s JOIN own_baselines b ON b.student_key = s.student_key
            ORDER BY 1, 2, 3, 5, 4
            """;
        var results = new List<StudentResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new StudentResult(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture), reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetDouble(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9)));
        }

        return results;
    }
}
