using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Gaps;

/// <summary>Which of the geography dimensions (region, school, grade) the students in scope have recorded at all: a gaps table has no cell for one they lack.</summary>
internal static class GapDimensionQueries
{
    private static readonly string[] StudentColumns = ["region", "school", "grade_level"];

    public static async Task<IReadOnlyList<GapDimension>> RecordedAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Whether any student in scope has each column: EXISTS stops at the first, where a count would read every student.
        var inScope = sql.StudentCondition(scope, command);
        command.CommandText = "SELECT " + string.Join(", ", StudentColumns.Select(c =>
            $"CASE WHEN EXISTS (SELECT 1 FROM students s WHERE {inScope} AND s.{c} IS NOT NULL) THEN 1 ELSE 0 END"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var recorded = new List<GapDimension> { GapDimension.Domain };
        if (await reader.ReadAsync(cancellationToken))
        {
            foreach (var (dimension, ordinal) in new[] { (GapDimension.Region, 0), (GapDimension.School, 1), (GapDimension.GradeLevel, 2) })
            {
                if (Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture) > 0)
                {
                    recorded.Add(dimension);
                }
            }
        }

        return recorded;
    }
}
