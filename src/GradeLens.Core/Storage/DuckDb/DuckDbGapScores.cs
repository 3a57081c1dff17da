using System.Globalization;
using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>
/// The gaps' working table: one row per student x assessment with the student's school, region, grade and gender
/// beside the score, so a gaps table is one GROUP BY with no join of the results to the students (that join alone
/// costs ~120 ms at 4M results on 2 cores). A subject imported only as domains gets a whole-subject row per student:
/// the mean of their domain scores against the mean of the domains' thresholds. Derived from the store's tables
/// (never edited), and rebuilt when an import has changed them since it was built.
/// </summary>
/// <remarks>
/// Tables: <c>gap_units</c> (one per assessment, plus one per subject imported only as domains),
/// <c>gap_scores</c> (the rows), <c>gap_attributes</c> (the attribute names per school) and <c>gap_scores_state</c>
/// (what they were built from).
/// </remarks>
internal sealed class DuckDbGapScores : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);

    /// <summary>The derived tables: left out of a backup; a restore empties <see cref="StateTable"/> so they are rebuilt.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["gap_units", "gap_scores", "gap_attributes", StateTable];

    public const string StateTable = "gap_scores_state";

    /// <summary>Rebuilds the tables if the store changed since they were built; true when it rebuilt them.</summary>
    public async Task<bool> EnsureAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        if (await IsCurrentAsync(connection, cancellationToken))
        {
            return false;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (await IsCurrentAsync(connection, cancellationToken))
            {
                return false;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await DuckDbStore.ExecuteAsync(connection, BuildSql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    /// <summary>
    /// What the tables depend on: their own layout (raise the "v" number when it changes), then the store: every
    /// import adds a log row, and the counts catch anything else.
    /// </summary>
    private const string FingerprintSql = """
        SELECT concat_ws('|', 'v2', (SELECT count(*) FROM import_log), (SELECT max(imported_at) FROM import_log)::VARCHAR,
                         (SELECT count(*) FROM students), (SELECT count(*) FROM results), (SELECT count(*) FROM assessments),
                         (SELECT count(*) FROM student_attributes))
        """;

    private static async Task<bool> IsCurrentAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'gap_scores_state' AND table_catalog = current_database()";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = $"SELECT (SELECT max(fingerprint) FROM gap_scores_state) IS NOT DISTINCT FROM ({FingerprintSql})";
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private const string BuildSql = $"""
        CREATE OR REPLACE TABLE gap_units AS
        WITH whole AS (SELECT DISTINCT organisation, series, subject, scale FROM assessments WHERE domain = ''),
        derived AS (
            SELECT organisation, series, max(series_order) AS series_order, subject, '' AS domain, scale,
                   NULL::INTEGER AS assessment_key, avg(proficiency) AS proficiency, max(max_score) AS max_score
            FROM assessments a
            WHERE domain <> '' AND NOT EXISTS (
                SELECT 1 FROM whole w WHERE w.organisation = a.organisation AND w.series = a.series AND w.subject = a.subject AND w.scale = a.scale)
            GROUP BY organisation, series, subject, scale),
        units AS (
            SELECT organisation, series, series_order, subject, domain, scale, assessment_key, proficiency, max_score FROM assessments
            UNION ALL SELECT * FROM derived)
        SELECT (row_number() OVER (ORDER BY organisation, subject, series, domain, scale))::INTEGER AS unit, * FROM units;

        CREATE OR REPLACE TABLE gap_scores AS
        WITH direct AS (
            SELECT r.student_key, u.unit, r.score, u.proficiency
            FROM results r JOIN gap_units u ON u.assessment_key = r.assessment_key),
        derived AS (
            SELECT r.student_key, u.unit, avg(r.score) AS score, any_value(u.proficiency) AS proficiency
            FROM results r
            JOIN assessments a ON a.assessment_key = r.assessment_key AND a.domain <> ''
            JOIN gap_units u ON u.assessment_key IS NULL AND u.organisation = a.organisation AND u.series = a.series
                            AND u.subject = a.subject AND u.scale = a.scale
            GROUP BY r.student_key, u.unit),
        scores AS (SELECT * FROM direct UNION ALL SELECT * FROM derived)
        SELECT x.unit, s.student_key, s.organisation, s.school, s.region, s.grade_level, s.gender, x.score, x.score < x.proficiency AS below
        FROM scores x JOIN students s ON s.student_key = x.student_key
        ORDER BY x.unit;

        CREATE OR REPLACE TABLE gap_attributes AS
        SELECT DISTINCT s.organisation, s.school, a.name FROM student_attributes a JOIN students s ON s.student_key = a.student_key;

        CREATE OR REPLACE TABLE gap_scores_state AS {FingerprintSql} AS fingerprint;
        """;
}
