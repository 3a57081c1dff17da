using System.Data.Common;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using static GradeLens.Core.Risk.StudentAttributeSql;

namespace GradeLens.Core.Models;

/// <summary>One series as a table (each student's score per subject and domain, and their attributes), read from SQL in long form, for the clusters and the Models page.</summary>
internal static class StudentTableQueries
{
    private const int IdPart = 0;
    private const int NamePart = 1;
    private const int AttributeNamePart = 2;
    private const int ScorePart = 3;
    private const int AttributePart = 4;

    /// <summary>Each student's whole-subject and domain scores in one series (the latest when null) and their attributes.</summary>
    public static async Task<StudentTable> TableAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, string? series, CancellationToken cancellationToken)
    {
        var all = await SeriesAsync(connection, sql, scope, cancellationToken);
        if (all.Count == 0)
        {
            throw new RiskDataException("There are no assessments in scope.");
        }

        var chosen = series is null ? all[^1].Series
            : all.FirstOrDefault(s => string.Equals(s.Series, series, StringComparison.OrdinalIgnoreCase))?.Series
              ?? throw new RiskDataException($"There is no series '{series}'. Series: {string.Join(", ", all.Select(s => s.Series))}.");
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        var seriesName = sql.Parameter(command, "series", chosen);
        // Long, not wide: one row per student, column name, score and attribute value, read by typed getters. Lists per
        // student, read back as the driver's object lists, took 0.5-1.1 s of a 100,000-student read; the whole read went
        // from 1.1-1.7 s to 0.46 s (measured 2026-12-02, nothing else running). One statement, so one snapshot: rows
        // point at students by their number in student-id order.
        command.CommandText = $"""
            WITH cells AS (
                SELECT s.student_key, a.subject || CASE WHEN a.domain = '' THEN '' ELSE ' (' || a.domain || ')' END AS name, avg(r.score) AS score
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.series = {seriesName} AND {students}
                GROUP BY s.student_key, a.subject, a.domain),
            columns AS (SELECT name, row_number() OVER (ORDER BY name) - 1 AS position FROM (SELECT DISTINCT name FROM cells) AS names),
            attributes AS ({AttributesSql(students)}),
            attribute_columns AS (SELECT name, row_number() OVER (ORDER BY name) - 1 AS position FROM (SELECT DISTINCT name FROM attributes) AS names),
            numbered AS (
                SELECT s.student_key, s.student_id, row_number() OVER (ORDER BY s.student_id, s.student_key) - 1 AS row_no
                FROM (SELECT DISTINCT student_key FROM cells) AS c JOIN students s ON s.student_key = c.student_key)
            SELECT {IdPart} AS part, row_no, CAST(NULL AS BIGINT) AS position, CAST(NULL AS DOUBLE PRECISION) AS score, student_id AS text FROM numbered
            UNION ALL SELECT {NamePart}, NULL, position, NULL, name FROM columns
            UNION ALL SELECT {AttributeNamePart}, NULL, position, NULL, name FROM attribute_columns
            UNION ALL SELECT {ScorePart}, n.row_no, k.position, CAST(c.score AS DOUBLE PRECISION), NULL
                FROM cells c JOIN numbered n ON n.student_key = c.student_key JOIN columns k ON k.name = c.name
            UNION ALL SELECT {AttributePart}, n.row_no, k.position, NULL, t.value
                FROM attributes t JOIN numbered n ON n.student_key = t.student_key JOIN attribute_columns k ON k.name = t.name
            """;
        var ids = new List<(long Row, string Id)>();
        var names = new List<(long Position, string Name)>();
        var attributeNames = new List<(long Position, string Name)>();
        var scores = new List<(long Row, long Position, double Score)>();
        var values = new List<(long Row, long Position, string? Value)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetInt32(0))
                {
                    case IdPart: ids.Add((reader.GetInt64(1), reader.GetString(4))); break;
                    case NamePart: names.Add((reader.GetInt64(2), reader.GetString(4))); break;
                    case AttributeNamePart: attributeNames.Add((reader.GetInt64(2), reader.GetString(4))); break;
                    case ScorePart: scores.Add((reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3))); break;
                    default: values.Add((reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(4) ? null : reader.GetString(4))); break;
                }
            }
        }

        if (ids.Count == 0)
        {
            throw new RiskDataException($"No student in scope has a result in '{chosen}'.");
        }

        var studentIds = new string[ids.Count];
        foreach (var (row, id) in ids)
        {
            studentIds[row] = id;
        }

        var matrix = new double[ids.Count * names.Count];
        Array.Fill(matrix, double.NaN);
        foreach (var (row, position, score) in scores)
        {
            matrix[(row * names.Count) + position] = score;
        }

        var attributes = attributeNames.Select(_ => new string?[ids.Count]).ToArray();
        foreach (var (row, position, value) in values)
        {
            attributes[position][row] = value;
        }

        static List<string> InOrder(List<(long Position, string Name)> list) => list.OrderBy(n => n.Position).Select(n => n.Name).ToList();
        return new StudentTable(chosen, studentIds, new FeatureMatrix(InOrder(names), matrix), InOrder(attributeNames), attributes);
    }
}
