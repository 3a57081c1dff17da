namespace GradeLens.Core.Import.Writing;

/// <summary>
/// Upserts an areas table's incoming areas and figures into either store — one SQL text, in the import's transaction:
/// new areas get the next keys; a figure replaces the one stored for the same area, year and measure (or subject and
/// grade). A figure and its copy rounded to a whole number are one figure: the precise one is kept (<see cref="RoundedCopy"/>).
/// Before anything is overwritten, <c>areachanges_N</c> lists the figures that change and <c>import_changes</c> records
/// what is added and the old values of what is changed (a rounded copy made precise too), for an undo.
/// </summary>
internal static class AreaUpsert
{
    /// <param name="n">The table's suffix.</param>
    /// <param name="areas">Incoming areas (level, name, parent, code).</param>
    /// <param name="figures">Incoming figures (level, name, parent, year, is_score, measure, subject, grade_level, value).</param>
    /// <param name="organisation">The organisation as SQL (a literal or a parameter marker).</param>
    /// <param name="source">The file the measures came from, as SQL.</param>
    /// <param name="create">The store's "CREATE TEMP TABLE" spelling.</param>
    public static string WriteSql(string n, string areas, string figures, string organisation, string source, string create, long importId) => $"""
        {create} newarea_{n} AS
        SELECT CAST((SELECT COALESCE(max(area_key), 0) FROM areas) + row_number() OVER (ORDER BY level, parent, name) AS INTEGER) AS area_key, level, name, parent, code
        FROM {areas} i
        WHERE NOT EXISTS (SELECT 1 FROM areas a WHERE a.organisation = {organisation} AND a.level = i.level AND a.name = i.name AND a.parent = i.parent);
        {create} areacode_{n} AS
        SELECT a.area_key, a.code AS old_code, i.code AS new_code
        FROM {areas} i JOIN areas a ON a.organisation = {organisation} AND a.level = i.level AND a.name = i.name AND a.parent = i.parent
        WHERE i.code IS NOT NULL AND a.code IS DISTINCT FROM i.code;
        {create} areafig_{n} AS
        SELECT a.area_key, a.name AS area, v.year, v.is_score, v.measure, v.subject, v.grade_level, v.value, a.is_new
        FROM {figures} v
        JOIN (SELECT area_key, level, name, parent, false AS is_new FROM areas WHERE organisation = {organisation}
              UNION ALL SELECT area_key, level, name, parent, true FROM newarea_{n}) a
          ON a.level = v.level AND a.name = v.name AND a.parent = v.parent;
        UPDATE areafig_{n} SET value = m.value FROM area_measures m
        WHERE NOT areafig_{n}.is_score AND m.area_key = areafig_{n}.area_key AND m.year = areafig_{n}.year AND m.measure = areafig_{n}.measure
          AND {RoundedCopy($"areafig_{n}.value", "m.value")};
        UPDATE areafig_{n} SET value = s.score FROM area_scores s
        WHERE areafig_{n}.is_score AND s.area_key = areafig_{n}.area_key AND s.year = areafig_{n}.year AND s.subject = areafig_{n}.subject AND s.grade_level = areafig_{n}.grade_level
          AND {RoundedCopy($"areafig_{n}.value", "s.score")};
        {create} areadiff_{n} AS
        SELECT 'area_measure' AS kind, f.area_key, f.area, f.measure AS item, CAST(NULL AS TEXT) AS detail, f.year,
               m.value AS old_number, m.source AS old_extra, f.value AS new_number
        FROM areafig_{n} f JOIN area_measures m ON m.area_key = f.area_key AND m.year = f.year AND m.measure = f.measure
        WHERE NOT f.is_score AND m.value <> f.value
        UNION ALL
        SELECT 'area_score', f.area_key, f.area, f.subject, f.grade_level, f.year, s.score, CAST(NULL AS TEXT), f.value
        FROM areafig_{n} f JOIN area_scores s ON s.area_key = f.area_key AND s.year = f.year AND s.subject = f.subject AND s.grade_level = f.grade_level
        WHERE f.is_score AND s.score <> f.value;
        {create} areachanges_{n} AS
        SELECT * FROM areadiff_{n} WHERE NOT {RoundedCopy("old_number", "new_number")};
        INSERT INTO import_changes (import_id, kind, added, area_key, item, detail, year, old_number, old_text, old_extra)
        SELECT {importId}, 'area', true, area_key, CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS INTEGER), CAST(NULL AS FLOAT8), CAST(NULL AS TEXT), CAST(NULL AS TEXT) FROM newarea_{n}
        UNION ALL
        SELECT {importId}, 'area', false, area_key, 'code', NULL, NULL, NULL, old_code, NULL FROM areacode_{n}
        UNION ALL
        SELECT {importId}, 'area_measure', true, f.area_key, f.measure, NULL, f.year, NULL, NULL, NULL FROM areafig_{n} f
        WHERE NOT f.is_score AND NOT f.is_new AND NOT EXISTS (SELECT 1 FROM area_measures m WHERE m.area_key = f.area_key AND m.year = f.year AND m.measure = f.measure)
        UNION ALL
        SELECT {importId}, 'area_score', true, f.area_key, f.subject, f.grade_level, f.year, NULL, NULL, NULL FROM areafig_{n} f
        WHERE f.is_score AND NOT f.is_new AND NOT EXISTS (SELECT 1 FROM area_scores s WHERE s.area_key = f.area_key AND s.year = f.year AND s.subject = f.subject AND s.grade_level = f.grade_level)
        UNION ALL
        SELECT {importId}, kind, false, area_key, item, detail, year, old_number, NULL, old_extra FROM areadiff_{n};
        UPDATE areas SET code = c.new_code FROM areacode_{n} c WHERE areas.area_key = c.area_key;
        INSERT INTO areas SELECT area_key, {organisation}, level, name, parent, code FROM newarea_{n};
        DELETE FROM area_measures WHERE EXISTS (SELECT 1 FROM areafig_{n} f WHERE NOT f.is_score AND area_measures.area_key = f.area_key AND area_measures.year = f.year AND area_measures.measure = f.measure);
        DELETE FROM area_scores WHERE EXISTS (SELECT 1 FROM areafig_{n} f WHERE f.is_score AND area_scores.area_key = f.area_key AND area_scores.year = f.year AND area_scores.subject = f.subject AND area_scores.grade_level = f.grade_level);
        INSERT INTO area_measures SELECT area_key, year, measure, value, {source} FROM areafig_{n} WHERE NOT is_score;
        INSERT INTO area_scores SELECT area_key, year, grade_level, subject, value FROM areafig_{n} WHERE is_score;
        """;

    /// <summary>
    /// True where <paramref name="whole"/> is <paramref name="precise"/> given to the nearest whole number (a file of rounded
    /// averages beside the full ones): the stored precise figure is kept over its rounded copy, and a precise figure
    /// replaces its stored rounded copy without asking (recorded for an undo, never listed as a change).
    /// </summary>
    private static string RoundedCopy(string whole, string precise) =>
        $"({whole} = floor({whole}) AND {precise} <> floor({precise}) AND abs({precise} - {whole}) <= 0.5)";

    /// <summary>The changed figures, in <see cref="ChangeList.ReadAsync"/>'s columns (the area in place of a student).</summary>
    public static string ListSql(string n, int limit) => $"""
        SELECT kind, area, item || ' ' || CAST(year AS TEXT), detail, old_number, CAST(NULL AS TEXT), new_number, CAST(NULL AS TEXT), count(*) OVER () AS total
        FROM areachanges_{n} ORDER BY area, item, year LIMIT {limit}
        """;

    public static string CountSql(string n) => $"SELECT count(*) FROM areafig_{n}";
}
