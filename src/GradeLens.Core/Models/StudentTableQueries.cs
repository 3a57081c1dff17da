using System.Globalization;
using System.Data.Common;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using static GradeLens.Core.Risk.StudentAttributeSql;

namespace GradeLens.Core.Models;

/// <summary>One series as a table (each student's score per subject and domain, and their attributes), pivoted in SQL, for the clusters and the Models page.</summary>
internal static class StudentTableQueries
{
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
            per_student AS (SELECT c.student_key, {sql.List("k.position")} AS positions, {sql.List("c.score")} AS scores FROM cells c JOIN columns k ON k.name = c.name GROUP BY c.student_key),
            per_attribute AS (
                SELECT t.student_key, {sql.List("k.position")} AS positions, {sql.List("t.value")} AS vals
                FROM attributes t JOIN attribute_columns k ON k.name = t.name
                WHERE t.student_key IN (SELECT student_key FROM per_student) GROUP BY t.student_key)
            SELECT s.student_id, p.positions, p.scores, a.positions, a.vals,
                   (SELECT {sql.List("name ORDER BY position")} FROM columns), (SELECT {sql.List("name ORDER BY position")} FROM attribute_columns)
            FROM per_student p JOIN students s ON s.student_key = p.student_key
            LEFT JOIN per_attribute a ON a.student_key = p.student_key
            ORDER BY s.student_id
            """;
        var ids = new List<string>();
        var values = new List<double>();
        List<string> names = [];
        List<string> attributeNames = [];
        var attributes = new List<List<string?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (ids.Count == 0)
            {
                names = StoreSqlDialect.ReadList(reader, 5).Select(v => (string)v!).ToList();
                attributeNames = StoreSqlDialect.ReadList(reader, 6).Select(v => (string)v!).ToList();
                attributes = attributeNames.Select(_ => new List<string?>()).ToList();
            }

            var row = Enumerable.Repeat(double.NaN, names.Count).ToArray();
            var positions = StoreSqlDialect.ReadList(reader, 1);
            var scores = StoreSqlDialect.ReadList(reader, 2);
            for (var k = 0; k < positions.Count; k++)
            {
                row[Convert.ToInt32(positions[k], CultureInfo.InvariantCulture)] = Convert.ToDouble(scores[k], CultureInfo.InvariantCulture);
            }

            var present = new string?[attributeNames.Count];
            var attributePositions = StoreSqlDialect.ReadList(reader, 3);
            var attributeValues = StoreSqlDialect.ReadList(reader, 4);
            for (var k = 0; k < attributePositions.Count; k++)
            {
                present[Convert.ToInt32(attributePositions[k], CultureInfo.InvariantCulture)] = (string?)attributeValues[k];
            }

            for (var j = 0; j < present.Length; j++)
            {
                attributes[j].Add(present[j]);
            }

            ids.Add(reader.GetString(0));
            values.AddRange(row);
        }

        if (ids.Count == 0)
        {
            throw new RiskDataException($"No student in scope has a result in '{chosen}'.");
        }

        return new StudentTable(chosen, ids, new FeatureMatrix(names, [.. values]), attributeNames, attributes);
    }
}
