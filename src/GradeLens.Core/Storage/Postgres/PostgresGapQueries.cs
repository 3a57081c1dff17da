using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Gaps;
using Npgsql;
using NpgsqlTypes;
using static GradeLens.Core.Storage.Postgres.PostgresScopeSql;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// Group aggregates for the gaps in PostgreSQL, the same answers as <see cref="DuckDb.DuckDbGapQueries"/>: one GROUP BY at
/// the finest level asked for, then GROUPING SETS for every coarser total. DuckDB keeps its gap units and scores as
/// derived tables; here they are the CTEs of <see cref="PostgresGapUnits"/>, computed from the indexed store tables
/// per request (several servers share the database, so nothing derived needs rebuilding or locking).
/// </summary>
internal static class PostgresGapQueries
{
    private static readonly (GapDimension Dimension, string Column)[] Geography =
    [
        (GapDimension.Region, "region"), (GapDimension.School, "school"), (GapDimension.GradeLevel, "grade_level"),
    ];

    private sealed record Unit(int Id, string Series, string Subject, string Domain, double Proficiency, double MaxScore);

    public static async Task<GroupAggregates> GroupAggregatesAsync(NpgsqlConnection connection, Scope scope, GapRequest request, CancellationToken cancellationToken)
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
        var students = StudentCondition(scope, command, "g");
        var isGender = attribute == GapRequest.DefaultAttribute;
        if (!isGender)
        {
            Text(command, "attribute", attribute);
        }

        command.Parameters.Add(new NpgsqlParameter("units", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = units.Select(u => u.Id).ToArray() });
        var dimensions = Geography.Where(g => request.Dimensions.Contains(g.Dimension)).Select(g => g.Column).ToList();
        var sets = Subsets(dimensions).Select(set => "(" + string.Join(", ", ["f.unit", .. set.Select(c => "f." + c), "f.grp"]) + ")");
        string Column(string name) => dimensions.Contains(name) ? $"f.{name}, GROUPING(f.{name}) = 1" : "NULL::text, true";
        var finestKeys = string.Join(", ", ["g.unit", .. dimensions.Select(c => "g." + c), isGender ? "g.gender" : "a.value"]);
        command.CommandText = $"""
            WITH {PostgresGapUnits.UnitsSql},
            {PostgresGapUnits.ScoresSql("@units")},
            finest AS (
                SELECT g.unit, {string.Concat(dimensions.Select(c => $"g.{c}, "))}{(isGender ? "g.gender" : "a.value")} AS grp,
                       count(*) AS n, avg(g.score) AS mean, coalesce(var_samp(g.score), 0) AS variance, count(*) FILTER (WHERE g.below) AS below
                FROM gap_scores g
                {(isGender ? "" : "LEFT JOIN (SELECT student_key, value FROM student_attributes WHERE name = @attribute) a ON a.student_key = g.student_key")}
                WHERE {students}
                GROUP BY {finestKeys})
            SELECT f.unit, {Column("region")}, {Column("school")}, {Column("grade_level")}, f.grp,
                   sum(f.n)::bigint AS n, sum(f.n * f.mean) / sum(f.n)::float8 AS mean,
                   CASE WHEN sum(f.n) > 1
                        THEN greatest(sum((f.n - 1) * f.variance) + sum(f.n * f.mean * f.mean) - sum(f.n * f.mean) ^ 2 / sum(f.n)::float8, 0) / (sum(f.n)::float8 - 1)
                        ELSE 0 END AS variance,
                   sum(f.below)::bigint AS below
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

        var pooled = units.GroupBy(u => (u.Series, u.Subject, u.Domain)).Any(g => g.Count() > 1)
            ? groups.GroupBy(g => (g.Cell, g.Group)).Select(g => new GroupAggregate(g.Key.Cell, g.Key.Group, GroupSummary.Pool(g.Select(x => x.Summary)))).ToList()
            : groups;
        var thresholds = units
            .Select(u => string.Create(CultureInfo.InvariantCulture,
                $"{(u.Domain.Length == 0 ? u.Subject : $"{u.Subject} / {u.Domain}")} ({u.Series}): below {u.Proficiency:0.##} of {u.MaxScore:0.##}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new GroupAggregates(attribute, true, attributes, pooled, thresholds);
    }

    /// <summary>The units of the chosen series: the one asked for, else each subject's latest per scale.</summary>
    private static async Task<IReadOnlyList<Unit>> UnitsAsync(NpgsqlConnection connection, Scope scope, GapRequest request, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var organisation = OrganisationCondition(scope, command, "u.organisation");
        Text(command, "subject", request.Subject);
        Text(command, "series", request.Series);
        command.CommandText = $"""
            WITH {PostgresGapUnits.UnitsSql},
            units AS (
                SELECT * FROM gap_units u
                WHERE {organisation} AND u.domain {(request.ByDomain ? "<> ''" : "= ''")} AND (@subject::text IS NULL OR u.subject = @subject)),
            latest AS (
                SELECT DISTINCT ON (subject, scale) subject, scale, CASE WHEN @series::text IS NULL THEN series ELSE @series END AS series
                FROM units ORDER BY subject, scale, series_order DESC, series DESC)
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
    private static async Task<IReadOnlyList<string>> AttributesAsync(NpgsqlConnection connection, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Attribute names within the schools (as DuckDB's per-school list): a teacher's classes narrow the rows counted, not the names offered.
        var students = StudentCondition(scope with { Classes = null }, command, "g");
        command.CommandText = $"SELECT DISTINCT a.name FROM student_attributes a JOIN students g ON g.student_key = a.student_key WHERE {students} ORDER BY 1";
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

    private static IEnumerable<IReadOnlyList<string>> Subsets(IReadOnlyList<string> dimensions) =>
        Enumerable.Range(0, 1 << dimensions.Count)
            .Select(mask => (IReadOnlyList<string>)dimensions.Where((_, i) => (mask & (1 << i)) == 0).ToList());

    private static string? Dimension(DbDataReader reader, int ordinal) =>
        reader.GetBoolean(ordinal + 1) ? null : reader.IsDBNull(ordinal) ? GapRequest.Unknown : reader.GetString(ordinal);
}
