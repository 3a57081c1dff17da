namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// The gaps' units and scores as CTEs (DuckDB keeps them as the derived tables of <see cref="DuckDb.DuckDbGapScores"/>):
/// a unit is an assessment, or a subject imported only as domains (scored as the mean of its domain scores against
/// the mean of their thresholds). Unit numbers follow (organisation, subject, series, domain, scale), so they are the
/// same in every query of a request.
/// </summary>
internal static class PostgresGapUnits
{
    public const string UnitsSql = """
        gap_units AS (
            WITH whole AS (SELECT DISTINCT organisation, series, subject, scale FROM assessments WHERE domain = ''),
            derived AS (
                SELECT organisation, series, max(series_order) AS series_order, subject, ''::text COLLATE "C" AS domain, scale,
                       NULL::integer AS assessment_key, avg(proficiency) AS proficiency, max(max_score) AS max_score
                FROM assessments a
                WHERE domain <> '' AND NOT EXISTS (
                    SELECT 1 FROM whole w WHERE w.organisation = a.organisation AND w.series = a.series AND w.subject = a.subject AND w.scale = a.scale)
                GROUP BY organisation, series, subject, scale),
            units AS (
                SELECT organisation, series, series_order, subject, domain, scale, assessment_key, proficiency, max_score FROM assessments
                UNION ALL SELECT * FROM derived)
            SELECT (row_number() OVER (ORDER BY organisation, subject, series, domain, scale))::integer AS unit, * FROM units)
        """;

    /// <summary>gap_scores: a row per student x unit among <paramref name="units"/> (an integer[] parameter), with the student's columns.</summary>
    public static string ScoresSql(string units) => $"""
        gap_scores AS (
            WITH chosen AS (SELECT * FROM gap_units WHERE unit = ANY({units})),
            direct AS (
                SELECT r.student_key, u.unit, r.score, u.proficiency
                FROM results r JOIN chosen u ON u.assessment_key = r.assessment_key),
            derived AS (
                SELECT r.student_key, u.unit, avg(r.score) AS score, min(u.proficiency) AS proficiency
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key AND a.domain <> ''
                JOIN chosen u ON u.assessment_key IS NULL AND u.organisation = a.organisation AND u.series = a.series
                                AND u.subject = a.subject AND u.scale = a.scale
                GROUP BY r.student_key, u.unit),
            scores AS (SELECT * FROM direct UNION ALL SELECT * FROM derived)
            SELECT x.unit, s.student_key, s.organisation, s.school, s.region, s.grade_level, s.gender, x.score, x.score < x.proficiency AS below
            FROM scores x JOIN students s ON s.student_key = x.student_key)
        """;
}
