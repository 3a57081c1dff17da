using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Gaps;

/// <summary>
/// Group aggregates for the gaps, in SQL within the caller's scope, one text for both stores (the working rows:
/// <see cref="GapScores"/>): one GROUP BY at the finest level asked for (count, mean, variance, count below per group),
/// then GROUPING SETS over those few rows for every coarser total down to the national one. Student-weighted
/// throughout: a total pools its students, never its cells' means.
/// </summary>
internal static class GapQueries
{
    /// <summary>The students' own columns a gap can compare by, in the order they are offered.</summary>
    private static readonly (GapDimension Dimension, string Name)[] ComparedColumns = [(GapDimension.School, "school"), (GapDimension.Region, "region"), (GapDimension.GradeLevel, "grade")];

    public static async Task<GroupAggregates> GroupAggregatesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, GapRequest request, CancellationToken cancellationToken)
    {
        var attributes = await AttributesAsync(connection, sql, scope, cancellationToken);
        var asked = StudentColumn(request.Attribute) is { } named ? named.Name : request.Attribute.Trim();
        var attribute = attributes.FirstOrDefault(a => string.Equals(a, asked, StringComparison.OrdinalIgnoreCase));
        if (attribute is null)
        {
            return GroupAggregates.Unknown(request.Attribute, attributes);
        }

        // School, region and grade are the students' own columns: compared as groups, they are no longer a breakdown of the cells.
        var column = StudentColumn(attribute);
        if (column is { } compared)
        {
            request = request with { Within = [.. request.Dimensions.Where(d => d != compared.Dimension)] };
        }

        var units = await UnitsAsync(connection, sql, scope, request, cancellationToken);
        if (units.Count == 0)
        {
            return new GroupAggregates(attribute, true, attributes, [], []);
        }

        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command, "g");
        var isGender = attribute == GapRequest.DefaultAttribute;
        var isColumn = isGender || column is not null;
        if (!isColumn)
        {
            sql.Parameter(command, "attribute", attribute);
        }

        // Unit ids are integers read from the store, so they are written into the SQL (DuckDB then skips other units' row groups).
        var ids = string.Join(", ", units.Select(u => u.Id.ToString(CultureInfo.InvariantCulture)));
        var dimensions = GapCells.Columns(request);
        var group = isGender ? "g.gender" : column is { } c ? "g." + c.Column : "a.value";
        // No coalesce on the grouping columns: DuckDB groups its dictionary-compressed strings far faster than computed ones.
        // A missing value stays NULL; GROUPING() tells it from a total.
        command.CommandText = sql.Parameters($"""
            {GapScores.With(sql, ids)}finest AS (
                SELECT g.unit, {string.Concat(dimensions.Select(c => $"g.{c}, "))}{group} AS grp,
                       count(*) AS n, avg(g.score) AS mean, coalesce(var_samp(g.score), 0) AS variance, count(*) FILTER (WHERE g.below) AS below
                FROM gap_scores g
                {(isColumn ? "" : "LEFT JOIN (SELECT student_key, value FROM student_attributes WHERE name = $attribute) a ON a.student_key = g.student_key")}
                WHERE g.unit IN ({ids}) AND {students}
                GROUP BY {string.Join(", ", ["g.unit", .. dimensions.Select(c => "g." + c), group])})
            {GapCells.PooledSelect(dimensions)}
            """);

        return await GapCells.ReadAsync(command, attribute, attributes, units, cancellationToken);
    }

    /// <summary>
    /// The units of the chosen series: the one asked for, else each subject's latest (per scale: a 9-1 mock and a
    /// percent test never pool). Whole subjects, or with <see cref="GapDimension.Domain"/> their domains.
    /// </summary>
    private static async Task<IReadOnlyList<GapCells.Unit>> UnitsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, GapRequest request, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var organisation = sql.OrganisationCondition(scope, command, "u.organisation");
        sql.Parameter(command, "subject", request.Subject);
        sql.Parameter(command, "series", request.Series);
        command.CommandText = sql.Parameters($"""
            {GapScores.WithUnits(sql)}units AS (
                SELECT * FROM gap_units u
                WHERE {organisation} AND u.domain {(request.ByDomain ? "<> ''" : "= ''")} AND (CAST($subject AS VARCHAR) IS NULL OR u.subject = $subject)),
            latest AS (
                SELECT subject, scale, coalesce(CAST($series AS VARCHAR), ({sql.List("series ORDER BY series_order DESC, series DESC")})[1]) AS series
                FROM units GROUP BY subject, scale)
            SELECT u.unit, u.series, u.subject, u.domain, u.proficiency, u.max_score
            FROM units u JOIN latest l ON l.subject = u.subject AND l.scale = u.scale AND l.series = u.series
            ORDER BY u.unit
            """);
        var units = new List<GapCells.Unit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(new GapCells.Unit(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4), reader.GetDouble(5)));
        }

        return units;
    }

    /// <summary>The students' own columns a gap can compare by: school, region, grade (also spelt grade_level, grade level).</summary>
    private static (string Name, string Column, GapDimension Dimension)? StudentColumn(string name) =>
        name.Trim().ToUpperInvariant().Replace('_', ' ') switch
        {
            "SCHOOL" => ("school", "school", GapDimension.School),
            "REGION" => ("region", "region", GapDimension.Region),
            "GRADE" or "GRADE LEVEL" or "GRADELEVEL" => ("grade", "grade_level", GapDimension.GradeLevel),
            _ => null,
        };

    /// <summary>
    /// gender, then school, region and grade where students in scope have them, then every imported attribute name within scope, alphabetically. Names per school (no student rows): a
    /// teacher's classes do not narrow the names offered, only the rows counted. DuckDB reads its derived per-school
    /// list; PostgreSQL reads the attributes of the students in scope.
    /// </summary>
    private static async Task<IReadOnlyList<string>> AttributesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope with { Classes = null }, command, "g");
        command.CommandText = sql == StoreSqlDialect.DuckDb
            ? $"SELECT DISTINCT g.name FROM gap_attributes g WHERE {students} ORDER BY 1"
            : $"SELECT DISTINCT a.name FROM student_attributes a JOIN students g ON g.student_key = a.student_key WHERE {students} ORDER BY 1";
        var names = new List<string> { GapRequest.DefaultAttribute };
        var recorded = await GapDimensionQueries.RecordedAsync(connection, sql, scope, cancellationToken);
        names.AddRange(ComparedColumns.Where(c => recorded.Contains(c.Dimension)).Select(c => c.Name));

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
