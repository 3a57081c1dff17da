using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Areas;

/// <summary>
/// The ZIP -> county crosswalk (ZIP codes are text: "00501" keeps its zeros) and the join report: every ZIP code,
/// county and scored area-year that matched nothing. One text for both stores, keys as <see cref="AreaQueries.Key"/>.
/// </summary>
internal static class AreaJoinQueries
{
    /// <summary>Counties (any area with a parent that is not a ZIP code) by the key of "County, State".</summary>
    private static string Counties(StoreSqlDialect sql, Scope scope, DbCommand command) => $"""
        counties AS (
            SELECT {AreaQueries.Key("name")} || {AreaQueries.Key("parent")} AS full_key, min(name) AS name, min(parent) AS parent
            FROM areas WHERE {sql.OrganisationCondition(scope, command)} AND parent <> '' AND lower(level) NOT IN {AreaQueries.ZipLevels}
            GROUP BY {AreaQueries.Key("name")} || {AreaQueries.Key("parent")})
        """;

    /// <summary>The ZIP code's crosswalk row and its county (null when it names none, or none matches); null when the ZIP is unknown.</summary>
    public static async Task<(string Parent, string? County, string? CountyParent)?> ZipAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, string zip, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var code = sql.Parameter(command, "zip", zip);
        command.CommandText = sql.Parameters($"""
            WITH {Counties(sql, scope, command)}
            SELECT z.parent, c.name, c.parent
            FROM areas z LEFT JOIN counties c ON c.full_key = {AreaQueries.Key("z.parent")}
            WHERE {sql.OrganisationCondition(scope, command, "z.organisation")} AND lower(z.level) IN {AreaQueries.ZipLevels} AND z.name = {code}
            ORDER BY c.name IS NULL, z.parent
            LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    public static async Task<AreaJoinReport> ReportAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, AreaStoreData data, CancellationToken cancellationToken)
    {
        var issues = new List<AreaJoinIssue>();
        var (zips, zipsPlaced) = await ZipIssuesAsync(connection, sql, scope, issues, cancellationToken);
        var (subAreas, subAreasPlaced) = await SubAreaIssuesAsync(connection, sql, scope, issues, cancellationToken);
        await PanelIssuesAsync(connection, sql, scope, issues, cancellationToken);
        issues.AddRange(data.Conflicts);
        var panel = data.Panel;
        var areas = panel.Areas.Distinct(StringComparer.Ordinal).Count();
        var years = panel.Years.Distinct().Count();
        var summary = areas == 0
            ? "No area has an average score yet: import a file of area scores (for example NAEP's naep.csv) and their measures."
            : Text($"{areas:N0} scored areas over {years} years ({panel.Rows:N0} area-years); {subAreasPlaced:N0} of {subAreas:N0} sub-areas (counties) placed in a scored area; ")
              + Text($"{zipsPlaced:N0} of {zips:N0} ZIP codes placed in a county; {issues.Count:N0} {(issues.Count == 1 ? "item" : "items")} matched nothing or disagreed (listed).");
        return new AreaJoinReport(areas, panel.Rows, subAreas, subAreasPlaced, zips, zipsPlaced, issues, summary);
    }

    private static async Task<(int Zips, int Placed)> ZipIssuesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, List<AreaJoinIssue> issues, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {Counties(sql, scope, command)},
            zips AS (
                SELECT level, name, parent, {AreaQueries.Key("parent")} AS parent_key
                FROM areas WHERE {sql.OrganisationCondition(scope, command)} AND lower(level) IN {AreaQueries.ZipLevels}),
            joined AS (SELECT z.level, z.name, z.parent, c.full_key IS NOT NULL AS placed FROM zips z LEFT JOIN counties c ON c.full_key = z.parent_key)
            SELECT level, name, parent, (SELECT count(*) FROM joined) AS zips, (SELECT count(*) FROM joined WHERE placed) AS placed
            FROM joined WHERE NOT placed
            UNION ALL
            SELECT NULL, NULL, NULL, (SELECT count(*) FROM joined), (SELECT count(*) FROM joined WHERE placed)
            ORDER BY 3 NULLS LAST, 2
            """);
        int zips = 0, placed = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            zips = AreaQueries.Int(reader, 3);
            placed = AreaQueries.Int(reader, 4);
            if (reader.IsDBNull(1))
            {
                continue;
            }

            var (level, zip, parent) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            issues.Add(parent.Contains(',', StringComparison.Ordinal)
                ? new AreaJoinIssue(AreaJoinProblem.ZipCountyNotFound, level, zip, parent, null, $"ZIP code {zip} lies in {parent}, which matches no county in the store.")
                : new AreaJoinIssue(AreaJoinProblem.ZipWithoutCounty, level, zip, parent, null, $"ZIP code {zip} has no county in its crosswalk row{(parent.Length > 0 ? " (" + parent + ")" : "")}."));
        }

        return (zips, placed);
    }

    private static async Task<(int SubAreas, int Placed)> SubAreaIssuesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, List<AreaJoinIssue> issues, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {AreaQueries.Named(sql, scope, command)},
            {AreaQueries.SubAreaCtes},
            figured AS (SELECT DISTINCT s.level, s.full_key FROM sub s JOIN area_measures v ON v.area_key = s.area_key)
            SELECT g.level, g.name, g.parent, f.full_key IS NOT NULL AS figures, pl.full_key IS NOT NULL AS placed
            FROM groups g
            LEFT JOIN figured f ON f.level = g.level AND f.full_key = g.full_key
            LEFT JOIN parents pl ON pl.full_key = g.parent_key
            ORDER BY g.parent, g.name
            """);
        int subAreas = 0, placed = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            subAreas++;
            var (level, name, parent) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            if (reader.GetBoolean(4))
            {
                placed++;
            }
            else
            {
                issues.Add(new AreaJoinIssue(AreaJoinProblem.ParentNotFound, level, name, parent, null, $"{name} lies in {parent}, which has no average score: its prediction stands alone."));
            }

            if (!reader.GetBoolean(3))
            {
                issues.Add(new AreaJoinIssue(AreaJoinProblem.NoFigures, level, name, parent, null, $"{name}, {parent} has no figures (poverty, income...) to predict from."));
            }
        }

        return (subAreas, placed);
    }

    /// <summary>Scored area-years without any measure, area-years with measures but no score, and top-level areas with figures that are never scored.</summary>
    private static async Task PanelIssuesAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, List<AreaJoinIssue> issues, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {AreaQueries.Named(sql, scope, command)},
            years AS (
                SELECT p.level, p.full_key, v.year, 0 AS kind FROM panel p JOIN area_measures v ON v.area_key = p.area_key
                UNION
                SELECT p.level, p.full_key, s.year, 1 AS kind FROM panel p JOIN area_scores s ON s.area_key = p.area_key),
            gaps AS (
                SELECT level, full_key, year, max(kind) AS kind FROM years GROUP BY level, full_key, year HAVING count(*) = 1)
            SELECT l.level, l.label, g.year, g.kind FROM gaps g JOIN labels l ON l.level = g.level AND l.full_key = g.full_key
            UNION ALL
            SELECT n.level, min(n.name), NULL, 0 FROM named n
            WHERE n.parent = '' AND n.level IN (SELECT level FROM scored)
              AND NOT EXISTS (SELECT 1 FROM scored p WHERE p.level = n.level AND p.full_key = n.full_key)
              AND EXISTS (SELECT 1 FROM area_measures v WHERE v.area_key = n.area_key)
            GROUP BY n.level, n.full_key
            ORDER BY 2, 3
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (level, area) = (reader.GetString(0), reader.GetString(1));
            int? year = reader.IsDBNull(2) ? null : AreaQueries.Int(reader, 2);
            issues.Add((year, AreaQueries.Int(reader, 3)) switch
            {
                (null, _) => new AreaJoinIssue(AreaJoinProblem.FiguresWithoutScores, level, area, null, null, $"{area} has figures but no average score in any year: it is not in the panel."),
                ({ } y, 1) => new AreaJoinIssue(AreaJoinProblem.ScoresWithoutFigures, level, area, null, y, Text($"{area} has scores in {y} but no measure that year: that year cannot enter a model.")),
                ({ } y, _) => new AreaJoinIssue(AreaJoinProblem.FiguresWithoutScores, level, area, null, y, Text($"{area} has measures in {y} but no score that year: they are not used.")),
            });
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
