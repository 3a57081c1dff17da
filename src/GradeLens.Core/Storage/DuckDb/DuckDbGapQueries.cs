using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Gaps;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>
/// Group aggregates for the gaps, in SQL within the caller's scope: one GROUP BY at the finest level asked for
/// (count, mean, variance, count below per group), then GROUPING SETS over those few rows for every coarser
/// total down to the national one. Student-weighted throughout: a total pools its students, never its cells' means.
/// </summary>
internal static class DuckDbGapQueries
{
    private static readonly (GapDimension Dimension, string Column)[] Geography =
    [
        (GapDimension.Region, "region"), (GapDimension.School, "school"), (GapDimension.GradeLevel, "grade_level"),
    ];

    /// <summary>A unit of the chosen series (an assessment, or a subject scored from its domains).</summary>
    private sealed record Unit(int Id, string Series, string Subject, string Domain, double Proficiency, double MaxScore);

    public static async Task<GroupAggregates> GroupAggregatesAsync(DuckDBConnection connection, Scope scope, GapRequest request, CancellationToken cancellationToken)
    {
        var attributes = await AttributesAsync(connection, scope, cancellationToken);
        var attribute = attributes.FirstOrDefault(a => string.Equals(a, request.Attribute.Trim(), StringComparison.OrdinalIgnoreCase));
        if (attribute is null)
        {
            return GroupAggregates.Unknown(request.Attribute, attributes);
        }

        var units = await UnitsAsync(connection, scope, request, cancellationToken);
        if (units.Count == 0)
        {
            return new GroupAggregates(attribute, true, attributes, [], []);
        }

        await using var command = connection.CreateCommand();
        var students = ScopeSql.StudentCondition(scope, command, "g");
        var isGender = attribute == GapRequest.DefaultAttribute;
        if (!isGender)
        {
            command.Parameters.Add(new DuckDBParameter("attribute", attribute));
        }

        // Unit ids are integers read from the store, so they are written into the SQL (DuckDB then skips other units' row groups).
        var ids = string.Join(", ", units.Select(u => u.Id.ToString(CultureInfo.InvariantCulture)));
        var dimensions = Geography.Where(g => request.Dimensions.Contains(g.Dimension)).Select(g => g.Column).ToList();
        var sets = Subsets(dimensions).Select(set => "(" + string.Join(", ", ["f.unit", .. set.Select(c => "f." + c), "f.grp"]) + ")");
        string Column(string name) => dimensions.Contains(name) ? $"f.{name}, GROUPING(f.{name}) = 1" : "NULL::VARCHAR, true";

        // No coalesce on the grouping columns: DuckDB groups its dictionary-compressed strings far faster than computed ones.
        // A missing value stays NULL; GROUPING() tells it from a total.
        command.CommandText = $"""
            WITH finest AS (
                SELECT g.unit, {string.Concat(dimensions.Select(c => $"g.{c}, "))}{(isGender ? "g.gender" : "a.value")} AS grp,
                       count(*) AS n, avg(g.score) AS mean, coalesce(var_samp(g.score), 0) AS variance, count(*) FILTER (WHERE g.below) AS below
                FROM gap_scores g
                {(isGender ? "" : "LEFT JOIN (SELECT student_key, value FROM student_attributes WHERE name = $attribute) a ON a.student_key = g.student_key")}
                WHERE g.unit IN ({ids}) AND {students}
                GROUP BY ALL)
            SELECT f.unit, {Column("region")}, {Column("school")}, {Column("grade_level")}, f.grp,
                   sum(f.n)::BIGINT AS n, sum(f.n * f.mean) / sum(f.n) AS mean,
                   CASE WHEN sum(f.n) > 1
                        THEN greatest(sum((f.n - 1) * f.variance) + sum(f.n * f.mean * f.mean) - sum(f.n * f.mean) ^ 2 / sum(f.n), 0) / (sum(f.n) - 1)
                        ELSE 0 END AS variance,
                   sum(f.below)::BIGINT AS below
            FROM finest f
            GROUP BY GROUPING SETS ({string.Join(", ", sets)})
            """;

        var byId = units.ToDictionary(u => u.Id);
        var groups = new List<GroupAggregate>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var unit = byId[reader.GetInt32(0)];
                var cell = new CellKey(unit.Series, unit.Subject, unit.Domain, Dimension(reader, 1), Dimension(reader, 3), Dimension(reader, 5));
                var summary = new GroupSummary(reader.GetInt64(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetInt64(11));
                groups.Add(new GroupAggregate(cell, reader.IsDBNull(7) ? GapRequest.Unknown : reader.GetString(7), summary));
            }
        }

        // Units of several organisations with the same series, subject and domain are one cell: pool them.
        var pooled = units.GroupBy(u => (u.Series, u.Subject, u.Domain)).Any(g => g.Count() > 1)
            ? groups.GroupBy(g => (g.Cell, g.Group)).Select(g => new GroupAggregate(g.Key.Cell, g.Key.Group, GroupSummary.Pool(g.Select(x => x.Summary)))).ToList()
            : groups;
        var thresholds = units
            .Select(u => string.Create(CultureInfo.InvariantCulture,
                $"{(u.Domain.Length == 0 ? u.Subject : $"{u.Subject} / {u.Domain}")} ({u.Series}): below {u.Proficiency:0.##} of {u.MaxScore:0.##}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new GroupAggregates(attribute, true, attributes, pooled, thresholds);
    }

    /// <summary>
    /// The units of the chosen series: the one asked for, else each subject's latest (per scale: a 9-1 mock and a
    /// percent test never pool). Whole subjects, or with <see cref="GapDimension.Domain"/> their domains.
    /// </summary>
    private static async Task<IReadOnlyList<Unit>> UnitsAsync(DuckDBConnection connection, Scope scope, GapRequest request, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var organisation = ScopeSql.OrganisationCondition(scope, command, "u.organisation");
        command.Parameters.Add(new DuckDBParameter("subject", request.Subject));
        command.Parameters.Add(new DuckDBParameter("series", request.Series));
        command.CommandText = $"""
            WITH units AS (
                SELECT * FROM gap_units u
                WHERE {organisation} AND u.domain {(request.ByDomain ? "<> ''" : "= ''")} AND ($subject IS NULL OR u.subject = $subject)),
            latest AS (
                SELECT subject, scale, CASE WHEN $series IS NULL THEN first(series ORDER BY series_order DESC, series DESC) ELSE $series END AS series
                FROM units GROUP BY subject, scale)
            SELECT u.unit, u.series, u.subject, u.domain, u.proficiency, u.max_score
            FROM units u JOIN latest USING (subject, scale, series)
            ORDER BY u.unit
            """;
        var units = new List<Unit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new Unit(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4), reader.GetDouble(5)));
        }

        return units;
    }

    /// <summary>gender, then every imported attribute name within scope, alphabetically.</summary>
    private static async Task<IReadOnlyList<string>> AttributesAsync(DuckDBConnection connection, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Attribute names per school (no student rows): a teacher's classes do not narrow the names offered, only the rows counted.
        var students = ScopeSql.StudentCondition(scope with { Classes = null }, command, "g");
        command.CommandText = $"SELECT DISTINCT g.name FROM gap_attributes g WHERE {students} ORDER BY 1";
        var names = new List<string> { GapRequest.DefaultAttribute };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!names.Contains(reader.GetString(0)))
            {
                names.Add(reader.GetString(0));
            }
        }

        return names;
    }

    /// <summary>Every subset of the dimensions, finest first: region, grade gives (region, grade), (region), (grade), ().</summary>
    private static IEnumerable<IReadOnlyList<string>> Subsets(IReadOnlyList<string> dimensions) =>
        Enumerable.Range(0, 1 << dimensions.Count)
            .Select(mask => (IReadOnlyList<string>)dimensions.Where((_, i) => (mask & (1 << i)) == 0).ToList());

    /// <summary>A dimension's value at <paramref name="ordinal"/> (its "is a total" flag after it): null for a total, "(unknown)" for a missing value.</summary>
    private static string? Dimension(DbDataReader reader, int ordinal) =>
        reader.GetBoolean(ordinal + 1) ? null : reader.IsDBNull(ordinal) ? GapRequest.Unknown : reader.GetString(ordinal);
}
