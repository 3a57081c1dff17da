using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Writing;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Upserts a students table's write set into a DuckDB store (the write set's views live in the store's own connection):
/// assessments, students, attributes, results and baselines. Runs inside the caller's transaction; keyed so that
/// re-importing a file changes nothing. Before anything is overwritten it refuses a scale that differs from the stored
/// one, lists every value it changes (<see cref="ChangeCapture"/>) and records what it adds and changes for an undo.
/// </summary>
internal sealed class StudentWriter(DuckDBConnection connection, StudentWriteSet set, string organisation, long importId)
{
    private string Suffix => set.Suffix;

    public async Task<WriteCounts> WriteAsync(CancellationToken cancellationToken)
    {
        var org = Sql.Text(organisation);
        await using (var conflicts = connection.CreateCommand())
        {
            conflicts.CommandText = ChangeList.ScaleConflictsSql(set.Assessments, set.Results, org);
            await ChangeList.ThrowOnScaleConflictAsync(conflicts, set.Source, cancellationToken);
        }

        await ExecuteAsync($"""
            CREATE OR REPLACE TEMP TABLE assess_{Suffix} AS
            SELECT (SELECT COALESCE(max(assessment_key), 0) FROM assessments) + row_number() OVER (ORDER BY series, subject, domain) AS assessment_key, i.*
            FROM {set.Assessments} i
            WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.organisation = {org} AND a.series = i.series AND a.subject = i.subject AND a.domain = i.domain);
            INSERT INTO assessments
            SELECT assessment_key, {org}, series, series_order, subject, domain, taken_on, scale_id, max_score, proficiency, weight FROM assess_{Suffix};
            CREATE OR REPLACE TEMP TABLE keys_{Suffix} AS
            SELECT i.*, COALESCE(s.student_key, i.new_key) AS student_key, s.student_key IS NULL AS is_new
            FROM {set.Students} i
            LEFT JOIN students s ON s.organisation = {org} AND s.student_id = i.student_id;
            """, cancellationToken);
        var assessmentsAdded = await ScalarAsync($"SELECT count(*) FROM assess_{Suffix}", cancellationToken);
        ImportTrace.Mark("student keys");
        await EnsureNoKeyCollisionAsync(cancellationToken);
        var touched = await ScalarAsync($"SELECT count(*) FROM keys_{Suffix} WHERE NOT is_new", cancellationToken) > 0;

        await ExecuteAsync($"""
            CREATE OR REPLACE TEMP TABLE attrs_{Suffix} AS
            SELECT k.student_key, a.name, a.value FROM {set.Attributes} a JOIN keys_{Suffix} k USING (student_id);
            CREATE OR REPLACE TEMP TABLE eattrs_{Suffix} AS
            SELECT k.student_key, a.enrolment, a.name, a.value FROM {set.EnrolmentAttributes} a JOIN keys_{Suffix} k USING (student_id);
            CREATE OR REPLACE TEMP TABLE results_{Suffix} AS
            SELECT k.student_key, a.assessment_key, v.score, v.grade
            FROM {set.Results} v
            JOIN keys_{Suffix} k USING (student_id)
            JOIN assessments a ON a.organisation = {org} AND a.series = v.series AND a.subject = v.subject AND a.domain = v.domain;
            CREATE OR REPLACE TEMP TABLE baselines_{Suffix} AS
            SELECT k.student_key, b.subject, b.expected, b.scale, b.source FROM {set.Baselines} b JOIN keys_{Suffix} k USING (student_id);
            {ChangeCapture.ChangesSql(Suffix, "CREATE OR REPLACE TEMP TABLE", touched)};
            """, cancellationToken);
        var (added, updated, unchanged) = touched ? await CountResultsAsync(cancellationToken) : (await ScalarAsync($"SELECT count(*) FROM results_{Suffix}", cancellationToken), 0L, 0L);
        await ExecuteAsync(ChangeCapture.RecordSql(Suffix, importId, touched), cancellationToken);
        ImportTrace.Mark("changes captured");

        var studentsUpdated = await ExecuteAsync($"""
            UPDATE students s SET school = COALESCE(k.school, s.school), region = COALESCE(k.region, s.region),
                   grade_level = COALESCE(k.grade_level, s.grade_level), gender = COALESCE(k.gender, s.gender)
            FROM keys_{Suffix} k
            WHERE s.student_key = k.student_key AND NOT k.is_new
              AND (s.school IS DISTINCT FROM COALESCE(k.school, s.school) OR s.region IS DISTINCT FROM COALESCE(k.region, s.region)
                   OR s.grade_level IS DISTINCT FROM COALESCE(k.grade_level, s.grade_level) OR s.gender IS DISTINCT FROM COALESCE(k.gender, s.gender))
            """, cancellationToken);
        var studentsAdded = await ExecuteAsync($"""
            INSERT INTO students SELECT student_key, {org}, student_id, {(set.IdsGenerated ? "true" : "false")}, school, region, grade_level, gender
            FROM keys_{Suffix} WHERE is_new ORDER BY student_id
            """, cancellationToken);
        await ExecuteAsync($"""
            DELETE FROM student_attributes t USING attrs_{Suffix} a WHERE t.student_key = a.student_key AND t.name = a.name;
            INSERT INTO student_attributes SELECT student_key, name, value FROM attrs_{Suffix};
            DELETE FROM enrolment_attributes t USING eattrs_{Suffix} a WHERE t.student_key = a.student_key AND t.enrolment = a.enrolment AND t.name = a.name;
            INSERT INTO enrolment_attributes SELECT student_key, enrolment, name, value FROM eattrs_{Suffix};
            """, cancellationToken);
        ImportTrace.Mark("students written");

        if (updated + unchanged > 0)
        {
            await ExecuteAsync($"DELETE FROM results r USING results_{Suffix} i WHERE r.student_key = i.student_key AND r.assessment_key = i.assessment_key", cancellationToken);
        }

        // Written in student order: each row group then spans a narrow range of keys, so looking up one student's
        // results skips almost every row group (DuckDB's min/max zone maps) instead of scanning the table.
        await ExecuteAsync($"INSERT INTO results SELECT student_key, assessment_key, score, grade FROM results_{Suffix} ORDER BY student_key", cancellationToken);
        ImportTrace.Mark("results written");
        await ExecuteAsync($"DELETE FROM baselines t USING baselines_{Suffix} b WHERE t.student_key = b.student_key AND t.subject = b.subject", cancellationToken);
        var baselines = await ExecuteAsync($"INSERT INTO baselines SELECT student_key, subject, expected, scale, source FROM baselines_{Suffix} ORDER BY student_key", cancellationToken);

        await using var list = connection.CreateCommand();
        list.CommandText = ChangeCapture.ListSql(Suffix, ChangeList.Listed);
        var (changes, total) = await ChangeList.ReadAsync(list, cancellationToken);
        return new WriteCounts(studentsAdded, studentsUpdated, added, updated, unchanged, baselines, assessmentsAdded, 0) { Changes = changes, ChangesTotal = total };
    }

    private async Task<(long Added, long Updated, long Unchanged)> CountResultsAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*) FILTER (WHERE r.student_key IS NULL),
                   count(*) FILTER (WHERE r.student_key IS NOT NULL AND (r.score <> i.score OR r.grade IS DISTINCT FROM i.grade)),
                   count(*) FILTER (WHERE r.student_key IS NOT NULL AND r.score = i.score AND r.grade IS NOT DISTINCT FROM i.grade)
            FROM results_{Suffix} i LEFT JOIN results r ON r.student_key = i.student_key AND r.assessment_key = i.assessment_key
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private async Task EnsureNoKeyCollisionAsync(CancellationToken cancellationToken)
    {
        var collisions = await ScalarAsync($"""
            SELECT (SELECT count(*) - count(DISTINCT student_key) FROM keys_{Suffix})
                 + (SELECT count(*) FROM keys_{Suffix} k JOIN students s ON s.student_key = k.student_key WHERE k.is_new)
            """, cancellationToken);
        if (collisions != 0)
        {
            throw new InvalidOperationException(KeyCollisionMessage);
        }
    }

    internal const string KeyCollisionMessage = "Two student ids produced the same internal key; nothing was imported. Please report this file to the GradeLens developers.";

    private Task<long> ScalarAsync(string sql, CancellationToken cancellationToken) => ColumnFacts.ScalarAsync(connection, sql, cancellationToken);

    private async Task<long> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
