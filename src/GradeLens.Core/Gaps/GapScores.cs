using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Gaps;

/// <summary>
/// The gaps' working rows: one row per student x unit with the student's school, region, grade and gender beside the
/// score, so a gaps table is one GROUP BY. A unit is an assessment, or a subject imported only as domains (scored as
/// the mean of its domain scores against the mean of their thresholds). Unit numbers follow (organisation, subject,
/// series, domain, scale). The stores differ here, side by side: DuckDB keeps them as derived tables, rebuilt when
/// the data changes (the join of results to students alone costs ~120 ms at 4M results on 2 cores); PostgreSQL,
/// shared by several servers, computes them as CTEs from its indexed tables per request (nothing to rebuild or lock).
/// </summary>
internal static class GapScores
{
    /// <summary>
    /// The start of a query that reads <c>gap_units</c> and <c>gap_scores</c> (for the units in <paramref name="units"/>,
    /// a list of unit numbers): "WITH " on DuckDB (they are tables), "WITH " and their CTEs on PostgreSQL.
    /// </summary>
    public static string With(StoreSqlDialect sql, string units) =>
        sql == StoreSqlDialect.DuckDb ? "WITH " : $"WITH {UnitsCte},\n{ScoresCte(units)},\n";

    /// <summary>The start of a query that reads <c>gap_units</c> alone (to choose a request's units).</summary>
    public static string WithUnits(StoreSqlDialect sql) => sql == StoreSqlDialect.DuckDb ? "WITH " : $"WITH {UnitsCte},\n";

    /// <summary>On DuckDB, builds the derived tables when the store changed since they were built (once per data version: the caller keeps the answer).</summary>
    public static async Task<Built> EnsureAsync(IGradeStore store, CancellationToken cancellationToken)
    {
        if (store.Sql != StoreSqlDialect.DuckDb)
        {
            return Built.Instance;
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{StoreSchema.DerivedStateTable}' AND table_catalog = current_database()";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
        {
            command.CommandText = $"SELECT (SELECT max(fingerprint) FROM {StoreSchema.DerivedStateTable}) IS NOT DISTINCT FROM ({FingerprintSql})";
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return Built.Instance;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        command.Transaction = transaction;
        command.CommandText = BuildSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Built.Instance;
    }

    /// <summary>The derived tables stand for the current data (kept as an answer, so concurrent first requests build once).</summary>
    internal sealed class Built
    {
        public static Built Instance { get; } = new();
    }

    /// <summary>
    /// What DuckDB's tables depend on: their own layout (raise the "v" number when it changes), then the store: every
    /// import adds a log row, and the counts catch anything else.
    /// </summary>
    private const string FingerprintSql = """
        SELECT concat_ws('|', 'v2', (SELECT count(*) FROM import_log), (SELECT max(imported_at) FROM import_log)::VARCHAR,
                         (SELECT count(*) FROM students), (SELECT count(*) FROM results), (SELECT count(*) FROM assessments),
                         (SELECT count(*) FROM student_attributes))
        """;

    private static string UnitsSelect(string emptyDomain) => $"""
        WITH whole AS (SELECT DISTINCT organisation, series, subject, scale FROM assessments WHERE domain = ''),
        derived AS (
            SELECT organisation, series, max(series_order) AS series_order, subject, {emptyDomain} AS domain, scale,
                   NULL::INTEGER AS assessment_key, avg(proficiency) AS proficiency, max(max_score) AS max_score
            FROM assessments a
            WHERE domain <> '' AND NOT EXISTS (
                SELECT 1 FROM whole w WHERE w.organisation = a.organisation AND w.series = a.series AND w.subject = a.subject AND w.scale = a.scale)
            GROUP BY organisation, series, subject, scale),
        units AS (
            SELECT organisation, series, series_order, subject, domain, scale, assessment_key, proficiency, max_score FROM assessments
            UNION ALL SELECT * FROM derived)
        SELECT (row_number() OVER (ORDER BY organisation, subject, series, domain, scale))::INTEGER AS unit, * FROM units
        """;

    private static string ScoresSelect(string units) => $"""
        WITH direct AS (
            SELECT r.student_key, u.unit, r.score, u.proficiency
            FROM results r JOIN {units} u ON u.assessment_key = r.assessment_key),
        derived AS (
            SELECT r.student_key, u.unit, avg(r.score) AS score, min(u.proficiency) AS proficiency
            FROM results r
            JOIN assessments a ON a.assessment_key = r.assessment_key AND a.domain <> ''
            JOIN {units} u ON u.assessment_key IS NULL AND u.organisation = a.organisation AND u.series = a.series
                            AND u.subject = a.subject AND u.scale = a.scale
            GROUP BY r.student_key, u.unit),
        scores AS (SELECT * FROM direct UNION ALL SELECT * FROM derived)
        SELECT x.unit, s.student_key, s.organisation, s.school, s.region, s.grade_level, s.gender, x.score, x.score < x.proficiency AS below
        FROM scores x JOIN students s ON s.student_key = x.student_key
        """;

    private static readonly string BuildSql = $"""
        CREATE OR REPLACE TABLE gap_units AS
        {UnitsSelect("''")};

        CREATE OR REPLACE TABLE gap_scores AS
        {ScoresSelect("gap_units")}
        ORDER BY x.unit;

        CREATE OR REPLACE TABLE gap_attributes AS
        SELECT DISTINCT s.organisation, s.school, a.name FROM student_attributes a JOIN students s ON s.student_key = a.student_key;

        CREATE OR REPLACE TABLE {StoreSchema.DerivedStateTable} AS {FingerprintSql} AS fingerprint;
        """;

    private static readonly string UnitsCte = $"gap_units AS (\n{UnitsSelect("''::text COLLATE \"C\"")})";

    /// <summary>gap_scores: a row per student x unit among <paramref name="units"/> (unit numbers, read from the store), with the student's columns.</summary>
    private static string ScoresCte(string units) =>
        $"gap_scores AS (\nWITH chosen AS (SELECT * FROM gap_units WHERE unit IN ({units})),\n" +
        ScoresSelect("chosen")[5..] + ")";
}
