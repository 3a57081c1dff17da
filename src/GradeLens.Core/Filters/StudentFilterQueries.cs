using System.Data.Common;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Filters;

/// <summary>The filters' SQL, one text for both stores: students per school, per class within its school, per year group.</summary>
internal static class StudentFilterQueries
{
    public static async Task<StudentFilterChoices> ChoicesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var reach = sql.StudentCondition(scope, command, "s");
        var classAttributes = sql.ClassAttributeNames(command);
        command.CommandText = $"""
            SELECT 'school' AS kind, s.school AS value, CAST(NULL AS TEXT) AS school, count(*) AS students
            FROM students s WHERE {reach} AND s.school IS NOT NULL AND s.school <> '' GROUP BY s.school
            UNION ALL
            SELECT 'year', s.grade_level, CAST(NULL AS TEXT), count(*)
            FROM students s WHERE {reach} AND s.grade_level IS NOT NULL AND s.grade_level <> '' GROUP BY s.grade_level
            UNION ALL
            SELECT 'class', a.value, s.school, count(DISTINCT s.student_key)
            FROM students s JOIN student_attributes a ON a.student_key = s.student_key AND lower(a.name) IN ({classAttributes})
            WHERE {reach} AND a.value <> '' GROUP BY a.value, s.school
            ORDER BY 1, 2, 3
            """;
        var schools = new List<FilterChoice>();
        var classes = new List<FilterChoice>();
        var years = new List<FilterChoice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var choice = new FilterChoice(reader.GetString(1), Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(2) ? null : reader.GetString(2));
            (reader.GetString(0) switch { "school" => schools, "year" => years, _ => classes }).Add(choice);
        }

        return new StudentFilterChoices(schools, classes, years);
    }

    public static async Task<IReadOnlySet<string>> StudentIdsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT s.student_id FROM students s WHERE {sql.StudentCondition(scope, command, "s")}";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
