using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace GradeLens.Core.Import.Staging;

/// <summary>
/// Upserts a validated students table into the store: assessments, students, attributes, results and
/// baselines. Runs inside the caller's transaction; keyed so that re-importing a file changes nothing.
/// </summary>
internal sealed class StudentWriter(DuckDBConnection connection, StudentRows rows, string suffix, string organisation)
{
    public async Task<WriteCounts> WriteAsync(CancellationToken cancellationToken)
    {
        var org = Sql.Text(organisation);
        await ExecuteAsync($"""
            CREATE OR REPLACE TEMP VIEW valid_{suffix} AS
            SELECT * FROM scored_{suffix} v WHERE student_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM bad_{suffix} b WHERE b.row_index = v.row_index)
            """, cancellationToken);

        var assessmentsAdded = await ExecuteAsync($"""
            INSERT INTO assessments
            SELECT (SELECT COALESCE(max(assessment_key), 0) FROM assessments) + row_number() OVER (ORDER BY series, subject, domain),
                   {org}, series, {SeriesOrder("series")}, subject, domain, taken_on, scale_id, max_score, proficiency
            FROM (SELECT v.series, v.subject, v.domain, min(v.taken_on) AS taken_on, any_value(v.scale_id) AS scale_id,
                         any_value(sc.max_score) AS max_score, any_value(sc.proficiency) AS proficiency
                  FROM valid_{suffix} v JOIN scales_{suffix} sc ON sc.grp = v.grp
                  WHERE NOT v.is_baseline AND v.score IS NOT NULL GROUP BY ALL) i
            WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.organisation = {org} AND a.series = i.series AND a.subject = i.subject AND a.domain = i.domain)
            """, cancellationToken);

        ImportTrace.Mark("assessments written");
        var attributes = rows.Attributes;
        await ExecuteAsync($"""
            CREATE OR REPLACE TEMP TABLE keys_{suffix} AS
            SELECT i.*, COALESCE(s.student_key, i.new_key) AS student_key, s.student_key IS NULL AS is_new
            FROM (SELECT student_id, any_value(school) AS school, any_value(region) AS region, any_value(grade_level) AS grade_level,
                         any_value(gender) AS gender, (hash({org} || chr(31) || student_id) >> 1)::BIGINT AS new_key
                  FROM (SELECT * FROM scored_{suffix} l WHERE student_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM bad_{suffix} b WHERE b.row_index = l.row_index))
                  GROUP BY student_id) i
            LEFT JOIN students s ON s.organisation = {org} AND s.student_id = i.student_id
            """, cancellationToken);
        ImportTrace.Mark("student keys");
        await EnsureNoKeyCollisionAsync(cancellationToken);

        var studentsUpdated = await ExecuteAsync($"""
            UPDATE students s SET school = COALESCE(k.school, s.school), region = COALESCE(k.region, s.region),
                   grade_level = COALESCE(k.grade_level, s.grade_level), gender = COALESCE(k.gender, s.gender)
            FROM keys_{suffix} k
            WHERE s.student_key = k.student_key AND NOT k.is_new
              AND (s.school IS DISTINCT FROM COALESCE(k.school, s.school) OR s.region IS DISTINCT FROM COALESCE(k.region, s.region)
                   OR s.grade_level IS DISTINCT FROM COALESCE(k.grade_level, s.grade_level) OR s.gender IS DISTINCT FROM COALESCE(k.gender, s.gender))
            """, cancellationToken);
        var studentsAdded = await ExecuteAsync($"""
            INSERT INTO students SELECT student_key, {org}, student_id, {(rows.HasStudentId ? "false" : "true")}, school, region, grade_level, gender
            FROM keys_{suffix} WHERE is_new ORDER BY student_id
            """, cancellationToken);

        if (attributes.Count > 0)
        {
            await WriteAttributesAsync(attributes, cancellationToken);
        }

        ImportTrace.Mark("students written");
        var (added, updated, unchanged) = await WriteResultsAsync(org, cancellationToken);
        ImportTrace.Mark("results written");
        var baselines = await WriteBaselinesAsync(cancellationToken);
        return new WriteCounts(studentsAdded, studentsUpdated, added, updated, unchanged, baselines, assessmentsAdded, 0);
    }

    private async Task WriteAttributesAsync(IReadOnlyList<(int Index, string Header)> attributes, CancellationToken cancellationToken)
    {
        var cells = string.Join(", ", attributes.Select(a => $"{{'name': {Sql.Text(a.Header)}, 'value': a_{a.Index.ToString(CultureInfo.InvariantCulture)}}}"));
        await ExecuteAsync($"""
            CREATE OR REPLACE TEMP TABLE attrs_{suffix} AS
            SELECT k.student_key, u.name, any_value(u.value) AS value
            FROM (SELECT student_id, UNNEST([{cells}]) AS u FROM valid_{suffix}) v
            JOIN keys_{suffix} k USING (student_id)
            WHERE u.value IS NOT NULL GROUP BY ALL;
            DELETE FROM student_attributes t USING attrs_{suffix} a WHERE t.student_key = a.student_key AND t.name = a.name;
            INSERT INTO student_attributes SELECT student_key, name, value FROM attrs_{suffix};
            """, cancellationToken);
    }

    private async Task<(long Added, long Updated, long Unchanged)> WriteResultsAsync(string org, CancellationToken cancellationToken)
    {
        // Only cells given more than once (identical repeats; conflicting ones were rejected) need collapsing.
        var repeated = await ColumnFacts.ScalarAsync(connection, $"SELECT count(*) FROM cells_{suffix}", cancellationToken) > 0;
        await ExecuteAsync($"""
            CREATE OR REPLACE TEMP TABLE results_{suffix} AS
            SELECT k.student_key, a.assessment_key, {(repeated ? "any_value(v.score)" : "v.score")} AS score, {(repeated ? "any_value(v.grade_label)" : "v.grade_label")} AS grade
            FROM valid_{suffix} v
            JOIN keys_{suffix} k USING (student_id)
            JOIN assessments a ON a.organisation = {org} AND a.series = v.series AND a.subject = v.subject AND a.domain = v.domain
            WHERE NOT v.is_baseline AND v.score IS NOT NULL
            {(repeated ? "GROUP BY k.student_key, a.assessment_key" : "")}
            """, cancellationToken);

        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*) FILTER (WHERE r.student_key IS NULL),
                   count(*) FILTER (WHERE r.student_key IS NOT NULL AND (r.score <> i.score OR r.grade IS DISTINCT FROM i.grade)),
                   count(*) FILTER (WHERE r.student_key IS NOT NULL AND r.score = i.score AND r.grade IS NOT DISTINCT FROM i.grade)
            FROM results_{suffix} i LEFT JOIN results r ON r.student_key = i.student_key AND r.assessment_key = i.assessment_key
            """;
        long added, updated, unchanged;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (added, updated, unchanged) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        if (updated + unchanged > 0)
        {
            await ExecuteAsync($"DELETE FROM results r USING results_{suffix} i WHERE r.student_key = i.student_key AND r.assessment_key = i.assessment_key", cancellationToken);
        }

        // Written in student order: each row group then spans a narrow range of keys, so looking up one student's
        // results skips almost every row group (DuckDB's min/max zone maps) instead of scanning the table.
        await ExecuteAsync($"INSERT INTO results SELECT student_key, assessment_key, score, grade FROM results_{suffix} ORDER BY student_key", cancellationToken);
        return (added, updated, unchanged);
    }

    private async Task<long> WriteBaselinesAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"""
            CREATE OR REPLACE TEMP TABLE baselines_{suffix} AS
            SELECT k.student_key, v.subject, any_value(v.score) AS expected, any_value(v.scale_id) AS scale,
                   any_value(CASE WHEN v.score_column IS NOT NULL AND NOT {(rows.IsLong ? "true" : "false")} THEN v.score_column ELSE v.series END) AS source
            FROM valid_{suffix} v JOIN keys_{suffix} k USING (student_id)
            WHERE v.is_baseline AND v.score IS NOT NULL GROUP BY k.student_key, v.subject;
            DELETE FROM baselines t USING baselines_{suffix} b WHERE t.student_key = b.student_key AND t.subject = b.subject;
            """, cancellationToken);
        return await ExecuteAsync($"INSERT INTO baselines SELECT student_key, subject, expected, scale, source FROM baselines_{suffix} ORDER BY student_key", cancellationToken);
    }

    private async Task EnsureNoKeyCollisionAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT count(*) - count(DISTINCT student_key) FROM keys_{suffix})
                 + (SELECT count(*) FROM keys_{suffix} k JOIN students s ON s.student_key = k.student_key WHERE k.is_new)
            """;
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0)
        {
            throw new InvalidOperationException("Two student ids produced the same internal key; nothing was imported. Please report this file to the GradeLens developers.");
        }
    }

    /// <summary>Baseline first, then mocks and numbered periods in order, the final last.</summary>
    internal static string SeriesOrder(string column) => $"""
        CASE WHEN regexp_matches(lower({column}), 'baseline|yellis|target|expected|fft|predicted') THEN 0
             WHEN regexp_matches(lower({column}), 'final|gcse|exam|end of year|summer') THEN 1000
             WHEN TRY_CAST(regexp_extract({column}, '(\d+)', 1) AS INTEGER) BETWEEN 1 AND 99 THEN 10 * TRY_CAST(regexp_extract({column}, '(\d+)', 1) AS INTEGER)
             ELSE 500 END
        """;

    private async Task<long> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
