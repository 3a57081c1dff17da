using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Explore;

/// <summary>Each group's scores as points for the page's strip (values only, no ids), a stable sample per group; never for an aggregates-only scope.</summary>
public sealed record GroupPoints(string Group, long Students, IReadOnlyList<double> Scores);

internal static class ExplorePointQueries
{
    public const int PointsPerGroup = 1000;

    public static async Task<IReadOnlyList<GroupPoints>> PointsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, ExploreScore score, string attribute, int minimumGroupSize, CancellationToken cancellationToken)
    {
        if (scope.AggregatesOnly)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        var (group, join) = ExploreQueries.Attribute(sql, command, attribute, "a");
        var scores = ExploreQueries.Scores(sql, command, scope, score, $"{group} AS grp, {sql.StableOrder("r.student_key")} AS sample_order", join);
        var minimum = sql.Parameter(command, "min_n", minimumGroupSize);
        var limit = sql.Parameter(command, "per_group", PointsPerGroup);
        command.CommandText = sql.Parameters($"""
            WITH scores AS (
                {scores}),
            numbered AS (
                SELECT grp, score, count(*) OVER (PARTITION BY grp) AS n, row_number() OVER (PARTITION BY grp ORDER BY sample_order) AS k FROM scores)
            SELECT grp, max(n), {sql.List("score ORDER BY score")}
            FROM numbered WHERE n >= {minimum} AND k <= {limit}
            GROUP BY grp
            """);
        var points = new List<GroupPoints>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new GroupPoints(ExploreQueries.Level(reader, 0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                [.. StoreSqlDialect.ReadList(reader, 2).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture))]));
        }

        return points;
    }
}
