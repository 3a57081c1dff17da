using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Areas;

/// <summary>
/// The Areas analysis's SQL over the store's <c>areas</c>, <c>area_measures</c> and <c>area_scores</c>, one text for
/// DuckDB and PostgreSQL. Areas are joined by normalised name (<see cref="Key"/>) and year: every spelling of a scored
/// area is one panel area; a county belongs to the scored area its parent names; a ZIP code to the county its
/// "County, State" parent names.
/// </summary>
internal static class AreaQueries
{
    /// <summary>Area levels that are ZIP codes: the crosswalk, never a panel area or a sub-area.</summary>
    public const string ZipLevels = "('zip', 'postcode', 'zip_code', 'zipcode')";

    private const string Accented = "ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇç";
    private const string Plain = "AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCc";

    /// <summary>
    /// A name as the joins compare it: accents off, lower case, no spaces or punctuation, so "St. Lawrence County",
    /// "St Lawrence County" and "LaSalle" / "La Salle" meet. The key of "County, State" is the county's key followed
    /// by its state's, which is how a ZIP's parent finds its county.
    /// </summary>
    public static string Key(string expression) =>
        $"regexp_replace(lower(translate({expression}, '{Accented}', '{Plain}')), '[[:space:][:punct:]]', '', 'g')";

    /// <summary>
    /// The CTEs every read starts from: <c>named</c> (the scope's areas but ZIP codes, with their keys), <c>scored</c>
    /// (the panel areas: a level and key with any score), <c>panel</c> (every area row of a panel area) and
    /// <c>labels</c> (one name, parent, label and code per panel area).
    /// </summary>
    public static string Named(StoreSqlDialect sql, Scope scope, DbCommand command) => $"""
        named AS (
            SELECT area_key, level, name, parent, code, {Key("name")} || {Key("parent")} AS full_key, {Key("parent")} AS parent_key
            FROM areas WHERE {sql.OrganisationCondition(scope, command)} AND lower(level) NOT IN {ZipLevels}),
        scored AS (
            SELECT DISTINCT n.level, n.full_key FROM named n WHERE EXISTS (SELECT 1 FROM area_scores s WHERE s.area_key = n.area_key)),
        panel AS (
            SELECT n.area_key, n.level, n.full_key FROM named n JOIN scored p ON p.level = n.level AND p.full_key = n.full_key),
        labels AS (
            SELECT n.level, n.full_key, min(n.name) AS name, min(n.parent) AS parent, min(n.code) AS code,
                   CASE WHEN min(n.parent) = '' THEN min(n.name) ELSE min(n.name) || ', ' || min(n.parent) END AS label
            FROM named n JOIN scored p ON p.level = n.level AND p.full_key = n.full_key
            GROUP BY n.level, n.full_key)
        """;

    /// <summary>The panel, the panel areas' codes, the sub-areas' latest figures and the conflicting values.</summary>
    public static async Task<AreaStoreData> DataAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        var (observations, codes, conflicts) = await PanelAsync(connection, sql, scope, cancellationToken);
        var subAreas = await SubAreasAsync(connection, sql, scope, cancellationToken);
        var measures = Ordered(observations.SelectMany(o => o.Measures.Keys), AreaNames.StudyMeasures);
        var scores = Ordered(observations.SelectMany(o => o.Scores.Keys), AreaNames.StudyScores);
        return new AreaStoreData(AreaPanel.FromObservations(observations, measures, scores), codes, subAreas, conflicts);
    }

    private static async Task<(List<AreaObservation>, Dictionary<string, string>, List<AreaJoinIssue>)> PanelAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {Named(sql, scope, command)},
            figures AS (
                SELECT p.level, p.full_key, v.year, 0 AS kind, v.measure AS figure, v.value
                FROM panel p JOIN area_measures v ON v.area_key = p.area_key
                UNION ALL
                SELECT p.level, p.full_key, s.year, 1 AS kind, s.subject || ' grade ' || s.grade_level AS figure, s.score AS value
                FROM panel p JOIN area_scores s ON s.area_key = p.area_key)
            SELECT l.label, l.parent, l.code, l.level, f.year, f.kind, f.figure, avg(f.value) AS value, count(DISTINCT f.value) AS given
            FROM figures f JOIN labels l ON l.level = f.level AND l.full_key = f.full_key
            GROUP BY l.label, l.parent, l.code, l.level, f.year, f.kind, f.figure
            ORDER BY l.label, f.year, f.kind, f.figure
            """);
        var observations = new List<AreaObservation>();
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new List<AreaJoinIssue>();
        (string Label, int Year)? current = null;
        Dictionary<string, double> measures = [], scores = [];
        string? parent = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var label = reader.GetString(0);
            var year = Int(reader, 4);
            if (current != (label, year))
            {
                Flush();
                current = (label, year);
                parent = reader.GetString(1) is { Length: > 0 } p ? p : null;
                measures = new Dictionary<string, double>(StringComparer.Ordinal);
                scores = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            if (!reader.IsDBNull(2))
            {
                codes[label] = reader.GetString(2);
            }

            var figure = reader.GetString(6);
            var value = reader.GetDouble(7);
            (Int(reader, 5) == 0 ? measures : scores)[figure] = value;
            if (Int(reader, 8) > 1)
            {
                conflicts.Add(new AreaJoinIssue(AreaJoinProblem.ConflictingValues, reader.GetString(3), label, parent, year,
                    Text($"Spellings of {label} give {Int(reader, 8)} different values of {figure} in {year}; their mean {value:G6} is used.")));
            }
        }

        Flush();
        return (observations, codes, conflicts);

        void Flush()
        {
            if (current is { } done)
            {
                observations.Add(new AreaObservation(done.Label, parent, done.Year, measures, scores, codes.GetValueOrDefault(done.Label)));
            }
        }
    }

    /// <summary>
    /// Areas with a parent, not scored and not ZIP codes (counties), with the figures of their latest year; spellings
    /// of one county in one parent are one sub-area. Its parent is the panel area's label where the parent names one.
    /// </summary>
    private static async Task<List<AreaObservation>> SubAreasAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {Named(sql, scope, command)},
            {SubAreaCtes},
            figures AS (SELECT s.level, s.full_key, v.year, v.measure, v.value FROM sub s JOIN area_measures v ON v.area_key = s.area_key),
            latest AS (SELECT level, full_key, max(year) AS year FROM figures GROUP BY level, full_key)
            SELECT g.name, COALESCE(pl.label, g.parent) AS parent, g.code, t.year, f.measure, avg(f.value) AS value
            FROM groups g
            JOIN latest t ON t.level = g.level AND t.full_key = g.full_key
            JOIN figures f ON f.level = g.level AND f.full_key = g.full_key AND f.year = t.year
            LEFT JOIN parents pl ON pl.full_key = g.parent_key
            GROUP BY g.name, COALESCE(pl.label, g.parent), g.code, t.year, f.measure
            ORDER BY 2, 1, 5
            """);
        var subAreas = new List<AreaObservation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        (string Name, string Parent)? current = null;
        var measures = new Dictionary<string, double>(StringComparer.Ordinal);
        string? code = null;
        var year = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (current != key)
            {
                Flush();
                current = key;
                code = reader.IsDBNull(2) ? null : reader.GetString(2);
                year = Int(reader, 3);
                measures = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            measures[reader.GetString(4)] = reader.GetDouble(5);
        }

        Flush();
        return subAreas;

        void Flush()
        {
            if (current is { } done)
            {
                subAreas.Add(new AreaObservation(done.Name, done.Parent, year, measures, new Dictionary<string, double>(StringComparer.Ordinal), code));
            }
        }
    }

    /// <summary>
    /// <c>sub</c> (area rows with a parent that are neither scored nor ZIP codes), <c>groups</c> (one per spelling-free
    /// name in its parent: name, parent, parent key, code) and <c>parents</c> (panel areas by key, with their label).
    /// </summary>
    public const string SubAreaCtes = """
        sub AS (
            SELECT n.* FROM named n
            WHERE n.parent <> '' AND NOT EXISTS (SELECT 1 FROM scored p WHERE p.level = n.level AND p.full_key = n.full_key)),
        groups AS (
            SELECT level, full_key, min(name) AS name, min(parent) AS parent, min(parent_key) AS parent_key, min(code) AS code
            FROM sub GROUP BY level, full_key),
        parents AS (SELECT full_key, min(label) AS label FROM labels GROUP BY full_key)
        """;

    /// <summary>Distinct names, the preferred ones (present) first in their order, then the rest alphabetically.</summary>
    private static List<string> Ordered(IEnumerable<string> names, IReadOnlyList<string> preferred)
    {
        var present = names.ToHashSet(StringComparer.Ordinal);
        return [.. preferred.Where(present.Contains), .. present.Where(n => !preferred.Contains(n)).Order(StringComparer.Ordinal)];
    }

    internal static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
