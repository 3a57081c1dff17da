using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Gaps;

/// <summary>Which of the geography dimensions (region, school, grade) the students in scope have recorded at all: a gaps table has no cell for one they lack.</summary>
internal static class GapDimensionQueries
{
    public static async Task<IReadOnlyList<GapDimension>> RecordedAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(s.region), count(s.school), count(s.grade_level) FROM students s WHERE {sql.StudentCondition(scope, command)}";
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
