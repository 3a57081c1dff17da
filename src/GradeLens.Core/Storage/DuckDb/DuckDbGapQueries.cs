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

    public static async Task<GroupAggregates> GroupAggregatesAsync(DuckDBConnection connection, Scope scope, GapRequest request, CancellationToken cancellationToken)
    {
        var attributes = await AttributesAsync(connection, scope, cancellationToken);
        var attribute = attributes.FirstOrDefault(a => string.Equals(a, request.Attribute.Trim(), StringComparison.OrdinalIgnoreCase));
        if (attribute is null)
        {
            return GroupAggregates.Unknown(request.Attribute, attributes);
        }

        await using var command = connection.CreateCommand();
        var students = ScopeSql.StudentCondition(scope, command, "g");
        var units = ScopeSql.OrganisationCondition(scope, command, "u.organisation");
        command.Parameters.Add(new DuckDBParameter("subject", request.Subject));
        command.Parameters.Add(new DuckDBParameter("series", request.Series));
        var isGender = attribute == GapRequest.DefaultAttribute;
        if (!isGender)
        {
            command.Parameters.Add(new DuckDBParameter("attribute", attribute));
        }

        var dimensions = Geography.Where(g => request.Dimensions.Contains(g.Dimension)).Select(g => g.Column).ToList();
        var finest = string.Concat(dimensions.Select(c => $"coalesce(g.{c}, '{GapRequest.Unknown}') AS {c}, "));
        var sets = Subsets(dimensions).Select(set => "(" + string.Join(", ", ["c.series", "c.subject", "c.domain", .. set.Select(c => "f." + c), "f.grp"]) + ")");
        string Column(string name) => dimensions.Contains(name) ? "f." + name : "NULL::VARCHAR";

        command.CommandText = $"""
            WITH units AS (
                SELECT * FROM gap_units u
                WHERE {units} AND u.domain {(request.ByDomain ? "<> ''" : "= ''")} AND ($subject IS NULL OR u.subject = $subject)),
            {ChosenSql},
            finest AS (
                SELECT g.unit, {finest}coalesce({(isGender ? "g.gender" : "a.value")}, '{GapRequest.Unknown}') AS grp,
                       count(*) AS n, avg(g.score) AS mean, coalesce(var_samp(g.score), 0) AS variance, count(*) FILTER (WHERE g.below) AS below
                FROM gap_scores g
                {(isGender ? "" : "LEFT JOIN (SELECT student_key, value FROM student_attributes WHERE name = $attribute) a ON a.student_key = g.student_key")}
                WHERE g.unit IN (SELECT unit FROM chosen) AND {students}
                GROUP BY ALL)
            SELECT c.series, c.subject, c.domain, {Column("region")}, {Column("school")}, {Column("grade_level")}, f.grp,
                   sum(f.n)::BIGINT AS n, sum(f.n * f.mean) / sum(f.n) AS mean,
                   CASE WHEN sum(f.n) > 1
                        THEN greatest(sum((f.n - 1) * f.variance) + sum(f.n * f.mean * f.mean) - sum(f.n * f.mean) ^ 2 / sum(f.n), 0) / (sum(f.n) - 1)
                        ELSE 0 END AS variance,
                   sum(f.below)::BIGINT AS below
            FROM finest f JOIN chosen c USING (unit)
            GROUP BY GROUPING SETS ({string.Join(", ", sets)})
            """;

        var groups = new List<GroupAggregate>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var cell = new CellKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4), Text(reader, 5));
                var summary = new GroupSummary(reader.GetInt64(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetInt64(10));
                groups.Add(new GroupAggregate(cell, reader.GetString(6), summary));
            }
        }

        return new GroupAggregates(attribute, true, attributes, groups, await ThresholdsAsync(connection, scope, request, cancellationToken));
    }

    /// <summary>The units of the chosen series: the one asked for, else each subject's latest (per scale: a 9-1 mock and a percent test never pool).</summary>
    private const string ChosenSql = """
        latest AS (
            SELECT subject, scale, CASE WHEN $series IS NULL THEN first(series ORDER BY series_order DESC, series DESC) ELSE $series END AS series
            FROM units GROUP BY subject, scale),
        chosen AS (SELECT u.* FROM units u JOIN latest USING (subject, scale, series))
        """;

    /// <summary>gender, then every imported attribute name within scope, alphabetically.</summary>
    private static async Task<IReadOnlyList<string>> AttributesAsync(DuckDBConnection connection, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = ScopeSql.StudentCondition(scope, command);
        command.CommandText = $"SELECT DISTINCT a.name FROM student_attributes a JOIN students s ON s.student_key = a.student_key WHERE {students} ORDER BY 1";
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

    /// <summary>The proficiency threshold of each series and subject (and domain) in the table: "Math (Spring 2026): below 50".</summary>
    private static async Task<IReadOnlyList<string>> ThresholdsAsync(DuckDBConnection connection, Scope scope, GapRequest request, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var units = ScopeSql.OrganisationCondition(scope, command, "u.organisation");
        command.Parameters.Add(new DuckDBParameter("subject", request.Subject));
        command.Parameters.Add(new DuckDBParameter("series", request.Series));
        command.CommandText = $"""
            WITH units AS (
                SELECT * FROM gap_units u
                WHERE {units} AND u.domain {(request.ByDomain ? "<> ''" : "= ''")} AND ($subject IS NULL OR u.subject = $subject)),
            {ChosenSql}
            SELECT DISTINCT subject, domain, series, proficiency, max_score FROM chosen
            ORDER BY subject, domain, series
            """;
        var thresholds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(1).Length == 0 ? reader.GetString(0) : $"{reader.GetString(0)} / {reader.GetString(1)}";
            thresholds.Add(string.Create(CultureInfo.InvariantCulture, $"{name} ({reader.GetString(2)}): below {reader.GetDouble(3):0.##} of {reader.GetDouble(4):0.##}"));
        }

        return thresholds;
    }

    /// <summary>Every subset of the dimensions, finest first: region, grade gives (region, grade), (region), (grade), ().</summary>
    private static IEnumerable<IReadOnlyList<string>> Subsets(IReadOnlyList<string> dimensions) =>
        Enumerable.Range(0, 1 << dimensions.Count)
            .Select(mask => (IReadOnlyList<string>)dimensions.Where((_, i) => (mask & (1 << i)) == 0).ToList());

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
