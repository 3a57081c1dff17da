using System.Data.Common;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Risk;

/// <summary>What the risk features and the student table share in SQL: every student attribute as rows, and the series in order.</summary>
internal static class StudentAttributeSql
{
    /// <summary>Every student attribute as (student_key, name, value): the fixed columns and the imported ones, within <paramref name="students"/>.</summary>
    public static string AttributesSql(string students) => $"""
        SELECT s.student_key, 'region' AS name, s.region AS value FROM students s WHERE s.region IS NOT NULL AND {students}
        UNION ALL SELECT s.student_key, 'grade_level', s.grade_level FROM students s WHERE s.grade_level IS NOT NULL AND {students}
        UNION ALL SELECT s.student_key, 'gender', s.gender FROM students s WHERE s.gender IS NOT NULL AND {students}
        UNION ALL SELECT t.student_key, t.name, t.value FROM student_attributes t JOIN students s ON s.student_key = t.student_key WHERE {students}
        """;

    public static async Task<IReadOnlyList<SeriesOrder>> SeriesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT series, min(series_order) FROM assessments WHERE {sql.OrganisationCondition(scope, command)} GROUP BY series ORDER BY 2, 1";
        var list = new List<SeriesOrder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new SeriesOrder(reader.GetString(0), reader.GetInt32(1)));
        }

        return list;
    }
}
