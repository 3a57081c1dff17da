using System.Data.Common;
using System.Globalization;

namespace GradeLens.Core.Gaps;

/// <summary>
/// What both stores' group-aggregate queries share around their SQL: the geography columns, the GROUPING SETS of a
/// request, reading a result row into a group, and pooling units of several organisations into one cell.
/// </summary>
internal static class GapCells
{
    /// <summary>A unit of the chosen series (an assessment, or a subject scored from its domains).</summary>
    internal sealed record Unit(int Id, string Series, string Subject, string Domain, double Proficiency, double MaxScore);

    private static readonly (GapDimension Dimension, string Column)[] Geography =
    [
        (GapDimension.Region, "region"), (GapDimension.School, "school"), (GapDimension.GradeLevel, "grade_level"),
    ];

    /// <summary>The student columns of the request's geography dimensions, in a fixed order.</summary>
    public static List<string> Columns(GapRequest request) =>
        Geography.Where(g => request.Dimensions.Contains(g.Dimension)).Select(g => g.Column).ToList();

    /// <summary>(f.unit, f.region, f.grade_level, f.grp), (f.unit, f.region, f.grp)...: every subset of the dimensions, finest first.</summary>
    public static string GroupingSets(IReadOnlyList<string> dimensions) =>
        string.Join(", ", Enumerable.Range(0, 1 << dimensions.Count)
            .Select(mask => dimensions.Where((_, i) => (mask & (1 << i)) == 0))
            .Select(set => "(" + string.Join(", ", ["f.unit", .. set.Select(c => "f." + c), "f.grp"]) + ")"));

    /// <summary>
    /// The query's last step, the same text in both stores: the finest groups (CTE <c>finest</c>: unit, the dimensions, grp,
    /// n, mean, variance, below) pooled into every coarser cell of the GROUPING SETS, student-weighted (pooled variance).
    /// A dimension not asked for reads as a total.
    /// </summary>
    public static string PooledSelect(IReadOnlyList<string> dimensions)
    {
        string Column(string name) => dimensions.Contains(name) ? $"f.{name}, GROUPING(f.{name}) = 1" : "NULL::text, true";
        return $"""
            SELECT f.unit, {Column("region")}, {Column("school")}, {Column("grade_level")}, f.grp,
                   sum(f.n)::bigint AS n, sum(f.n * f.mean) / sum(f.n)::float8 AS mean,
                   CASE WHEN sum(f.n) > 1
                        THEN greatest(sum((f.n - 1) * f.variance) + sum(f.n * f.mean * f.mean) - sum(f.n * f.mean) ^ 2 / sum(f.n)::float8, 0) / (sum(f.n)::float8 - 1)
                        ELSE 0 END AS variance,
                   sum(f.below)::bigint AS below
            FROM finest f
            GROUP BY GROUPING SETS ({GroupingSets(dimensions)})
            """;
    }

    /// <summary>Runs the aggregate query and reads every row into a group, then <see cref="Finish"/>es the answer.</summary>
    public static async Task<GroupAggregates> ReadAsync(DbCommand command, string attribute, IReadOnlyList<string> attributes, IReadOnlyList<Unit> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var byId = units.ToDictionary(u => u.Id);
        var groups = new List<GroupAggregate>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(Read(reader, byId));
            }
        }

        return Finish(attribute, attributes, units, groups);
    }

    /// <summary>
    /// One row of the aggregate query: unit, then region, school and grade each with its "is a total" flag, the group,
    /// n, mean, variance and count below.
    /// </summary>
    private static GroupAggregate Read(DbDataReader reader, IReadOnlyDictionary<int, Unit> units)
    {
        var unit = units[reader.GetInt32(0)];
        var cell = new CellKey(unit.Series, unit.Subject, unit.Domain, Dimension(reader, 1), Dimension(reader, 3), Dimension(reader, 5));
        var summary = new GroupSummary(reader.GetInt64(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetInt64(11));
        return new GroupAggregate(cell, reader.IsDBNull(7) ? GapRequest.Unknown : reader.GetString(7), summary);
    }

    /// <summary>The answer: units of several organisations with the same series, subject and domain are one cell (pooled), and each unit's threshold named.</summary>
    private static GroupAggregates Finish(string attribute, IReadOnlyList<string> attributes, IReadOnlyList<Unit> units, List<GroupAggregate> groups)
    {
        var pooled = units.GroupBy(u => (u.Series, u.Subject, u.Domain)).Any(g => g.Count() > 1)
            ? groups.GroupBy(g => (g.Cell, g.Group)).Select(g => new GroupAggregate(g.Key.Cell, g.Key.Group, GroupSummary.Pool(g.Select(x => x.Summary)))).ToList()
            : groups;
        var thresholds = units
            .Select(u => string.Create(CultureInfo.InvariantCulture,
                $"{(u.Domain.Length == 0 ? u.Subject : $"{u.Subject} / {u.Domain}")} ({u.Series}): below {u.Proficiency:0.##} of {u.MaxScore:0.##}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new GroupAggregates(attribute, true, attributes, pooled, thresholds);
    }

    /// <summary>A dimension's value at <paramref name="ordinal"/> (its "is a total" flag after it): null for a total, "not recorded" for a missing value.</summary>
    private static string? Dimension(DbDataReader reader, int ordinal) =>
        reader.GetBoolean(ordinal + 1) ? null : reader.IsDBNull(ordinal) ? GapRequest.Unknown : reader.GetString(ordinal);
}
