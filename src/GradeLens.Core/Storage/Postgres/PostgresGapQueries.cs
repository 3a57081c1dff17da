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
        var dimensions = GapCells.Columns(request);
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
            {GapCells.PooledSelect(dimensions)}
            """;

        return await GapCells.ReadAsync(command, attribute, attributes, units, cancellationToken);
    }

    /// <summary>The units of the chosen series: the one asked for, else each subject's latest per scale.</summary>
    private static async Task<IReadOnlyList<GapCells.Unit>> UnitsAsync(NpgsqlConnection connection, Scope scope, GapRequest request, CancellationToken cancellationToken)
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
        var units = new List<GapCells.Unit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new GapCells.Unit(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4), reader.GetDouble(5)));
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
}
