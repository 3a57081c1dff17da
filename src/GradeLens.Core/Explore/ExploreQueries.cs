using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Gaps;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Explore;

/// <summary>
/// The Explore page's aggregates, one SQL text for DuckDB and PostgreSQL: per group of an attribute (a student column,
/// or a student_attributes name) the count, mean, sample variance and quartiles (percentile_cont, as numpy's default)
/// of one score, with the sum of each group's average ranks and the tie term for Kruskal-Wallis (rank() and count()
/// windows); and the same figures per cell of two attributes. Within the caller's scope, always.
/// </summary>
internal static class ExploreQueries
{
    /// <summary>The attributes every student row carries as a column; any other name is looked up in student_attributes.</summary>
    public static IReadOnlyList<string> StudentColumns { get; } = ["school", "region", "grade_level", "gender"];

    /// <summary>
    /// Every group with at least <paramref name="minimumGroupSize"/> students, in the levels' natural order (a missing value
    /// is the group "not recorded"). Smaller groups are left out before the ranking, so ranks, tie term and tests are those of the
    /// students returned, and no figure of a small group leaves the store. An aggregates-only scope never goes below its own minimum.
    /// </summary>
    public static async Task<AttributeScores> GroupsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, ExploreScore score, string attribute, int minimumGroupSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumGroupSize);
        await using var command = connection.CreateCommand();
        var (group, join) = Attribute(sql, command, attribute, "a");
        var scores = Scores(sql, command, scope, score, $"{group} AS grp", join);
        var minimum = sql.Parameter(command, "min_n", Minimum(scope, minimumGroupSize));
        command.CommandText = sql.Parameters($"""
            WITH scores AS (
                {scores}),
            sized AS (
                SELECT grp, score, count(*) OVER (PARTITION BY grp) AS group_n FROM scores),
            ranked AS (
                SELECT grp, score,
                       CAST(rank() OVER (ORDER BY score) AS float8) + CAST(count(*) OVER (PARTITION BY score) - 1 AS float8) / 2 AS score_rank,
                       CAST(count(*) OVER (PARTITION BY score) AS float8) AS ties
                FROM sized WHERE group_n >= {minimum})
            SELECT grp, count(*), avg(score), coalesce(var_samp(score), 0),
                   percentile_cont(0.25) WITHIN GROUP (ORDER BY score),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY score),
                   percentile_cont(0.75) WITHIN GROUP (ORDER BY score),
                   sum(score_rank), sum(sum(ties * ties - 1)) OVER ()
            FROM ranked
            GROUP BY grp
            """);
        var groups = new List<GroupScores>();
        var tieTerm = 0.0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var statistics = new GroupStatistics(Level(reader, 0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(7));
                groups.Add(new GroupScores(statistics, reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6)));
                tieTerm = reader.GetDouble(8);
            }
        }

        var order = LevelOrder.Of(groups.Select(g => g.Statistics.Name)).All.Select((level, i) => (level, i)).ToDictionary(x => x.level, x => x.i, StringComparer.Ordinal);
        return new AttributeScores(attribute, score, [.. groups.OrderBy(g => order[g.Statistics.Name])], tieTerm);
    }

    /// <summary>
    /// Every cell (level of A by level of B) with students, in no particular order: count, mean and variance of every cell,
    /// quartiles only for cells of at least <paramref name="minimumCellSize"/> (no order statistic from a small cell).
    /// <see cref="Heatmap.Compute"/> then suppresses. An aggregates-only scope never goes below its own minimum.
    /// </summary>
    public static async Task<IReadOnlyList<CellScores>> CellsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, ExploreScore score, string attributeA, string attributeB, int minimumCellSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumCellSize);
        await using var command = connection.CreateCommand();
        var (groupA, joinA) = Attribute(sql, command, attributeA, "a");
        var (groupB, joinB) = Attribute(sql, command, attributeB, "b");
        var scores = Scores(sql, command, scope, score, $"{groupA} AS grp_a, {groupB} AS grp_b", joinA + "\n" + joinB);
        var minimum = sql.Parameter(command, "min_n", Minimum(scope, minimumCellSize));
        string Quartile(string p) => $"CASE WHEN count(*) >= {minimum} THEN percentile_cont({p}) WITHIN GROUP (ORDER BY score) END";
        command.CommandText = sql.Parameters($"""
            WITH scores AS (
                {scores})
            SELECT grp_a, grp_b, count(*), avg(score), coalesce(var_samp(score), 0),
                   {Quartile("0.25")}, {Quartile("0.5")}, {Quartile("0.75")}
            FROM scores
            GROUP BY grp_a, grp_b
            """);
        var cells = new List<CellScores>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells.Add(new CellScores(Level(reader, 0), Level(reader, 1), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4),
                Optional(reader, 5), Optional(reader, 6), Optional(reader, 7)));
        }

        return cells;
    }

    /// <summary>The minimum that applies: the caller's, but never below an aggregates-only scope's own (as the gaps).</summary>
    internal static int Minimum(Scope scope, int asked)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AggregatesOnly ? Math.Max(asked, scope.MinimumCellSize) : asked;
    }

    /// <summary>The score's rows (students in scope only) with the grouping columns asked for.</summary>
    internal static string Scores(StoreSqlDialect sql, DbCommand command, Scope scope, ExploreScore score, string columns, string joins)
    {
        ArgumentNullException.ThrowIfNull(score);
        var students = sql.StudentCondition(scope, command);
        var subject = sql.Parameter(command, "subject", score.Subject);
        var series = sql.Parameter(command, "series", score.Series);
        var domain = sql.Parameter(command, "domain", score.Domain ?? "");
        return $"""
            SELECT {columns}, r.score
                FROM results r
                JOIN assessments t ON t.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = t.organisation
                {joins}
                WHERE t.subject = {subject} AND t.series = {series} AND t.domain = {domain} AND {students}
            """;
    }

    /// <summary>The grouping expression and its join: a student column by name (from the fixed list), or a student attribute by parameter.</summary>
    internal static (string Group, string Join) Attribute(StoreSqlDialect sql, DbCommand command, string attribute, string alias)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attribute);
        var column = StudentColumns.FirstOrDefault(c => string.Equals(c, attribute.Trim(), StringComparison.OrdinalIgnoreCase));
        if (column is not null)
        {
            return ($"s.{column}", "");
        }

        var name = sql.Parameter(command, "attribute_" + alias, attribute.Trim());
        return ($"x_{alias}.value", $"LEFT JOIN student_attributes x_{alias} ON x_{alias}.student_key = s.student_key AND x_{alias}.name = {name}");
    }

    /// <summary>A level as text: "not recorded" for a student without a value, as in the gaps.</summary>
    internal static string Level(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? GapRequest.Unknown : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) ?? GapRequest.Unknown;

    private static double? Optional(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
