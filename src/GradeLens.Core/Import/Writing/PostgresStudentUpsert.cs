using System.Globalization;
using GradeLens.Core.Import.Staging;
using GradeLens.Core.Storage;
using Npgsql;

namespace GradeLens.Core.Import.Writing;

/// <summary>
/// Upserts one students table's copied rows (temp tables <c>in_*_N</c>) into the store, inside the import's
/// transaction, with the DuckDB store's rules and counts: a student keeps the key they have in the organisation, a new
/// one gets the key the staging computed (the same hash of organisation and id as in DuckDB); assessments get the
/// next keys in (series, subject, domain) order; only changed results are rewritten. As in DuckDB, a scale that differs
/// from the stored one is refused, and what is changed and added is captured before anything is overwritten.
/// </summary>
internal static class PostgresStudentUpsert
{
    public static async Task<WriteCounts> RunAsync(NpgsqlConnection connection, string n, string organisation, bool idsGenerated, string source, long importId, CancellationToken cancellationToken)
    {
        NpgsqlCommand Command(string sql)
        {
            // Upserts of millions of rows: no client-side timeout (the import's transaction bounds them).
            var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            StoreSqlDialect.Postgres.Parameter(command, "org", organisation);
            return command;
        }

        async Task<long> Execute(string sql)
        {
            await using var command = Command(sql);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }

        async Task<long[]> Row(string sql)
        {
            await using var command = Command(sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
        }

        await using (var conflicts = Command(ChangeList.ScaleConflictsSql($"in_assessments_{n}", $"in_results_{n}", "@org")))
        {
            await ChangeList.ThrowOnScaleConflictAsync(conflicts, source, cancellationToken);
        }

        await Execute($"""
            CREATE TEMP TABLE assess_{n} ON COMMIT DROP AS
            SELECT ((SELECT COALESCE(max(assessment_key), 0) FROM assessments) + row_number() OVER (ORDER BY series, subject, domain))::INTEGER AS assessment_key, i.*
            FROM in_assessments_{n} i
            WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.organisation = @org AND a.series = i.series AND a.subject = i.subject AND a.domain = i.domain);
            INSERT INTO assessments
            SELECT assessment_key, @org, series, series_order, subject, domain, taken_on, scale_id, max_score, proficiency, weight FROM assess_{n};
            CREATE TEMP TABLE keys_{n} ON COMMIT DROP AS
            SELECT i.*, COALESCE(s.student_key, i.new_key) AS student_key, s.student_key IS NULL AS is_new
            FROM in_students_{n} i LEFT JOIN students s ON s.organisation = @org AND s.student_id = i.student_id;
            CREATE INDEX ON keys_{n} (student_id);
            ANALYZE keys_{n};
            """);
        var assessmentsAdded = (await Row($"SELECT count(*) FROM assess_{n}"))[0];
        var collisions = await Row($"""
            SELECT (SELECT count(*) - count(DISTINCT student_key) FROM keys_{n})
                 + (SELECT count(*) FROM keys_{n} k JOIN students s ON s.student_key = k.student_key WHERE k.is_new)
            """);
        if (collisions[0] != 0)
        {
            throw new InvalidOperationException(StudentWriter.KeyCollisionMessage);
        }

        var touched = (await Row($"SELECT count(*) FROM keys_{n} WHERE NOT is_new"))[0] > 0;

        await Execute($"""
            CREATE TEMP TABLE attrs_{n} ON COMMIT DROP AS
            SELECT k.student_key, a.name, a.value FROM in_attributes_{n} a JOIN keys_{n} k USING (student_id);
            CREATE TEMP TABLE eattrs_{n} ON COMMIT DROP AS
            SELECT k.student_key, a.enrolment, a.name, a.value FROM in_enrolment_attributes_{n} a JOIN keys_{n} k USING (student_id);
            CREATE TEMP TABLE results_{n} ON COMMIT DROP AS
            SELECT k.student_key, a.assessment_key, v.score, v.grade
            FROM in_results_{n} v
            JOIN keys_{n} k USING (student_id)
            JOIN assessments a ON a.organisation = @org AND a.series = v.series AND a.subject = v.subject AND a.domain = v.domain;
            CREATE TEMP TABLE baselines_{n} ON COMMIT DROP AS
            SELECT k.student_key, b.subject, b.expected, b.scale, b.source FROM in_baselines_{n} b JOIN keys_{n} k USING (student_id);
            {ChangeCapture.ChangesSql(n, "CREATE TEMP TABLE", touched)};
            """.Replace($"CREATE TEMP TABLE changes_{n} AS", $"CREATE TEMP TABLE changes_{n} ON COMMIT DROP AS", StringComparison.Ordinal));
        var counts = await Row($"""
            SELECT count(*) FILTER (WHERE r.student_key IS NULL),
                   count(*) FILTER (WHERE r.student_key IS NOT NULL AND (r.score <> i.score OR r.grade IS DISTINCT FROM i.grade)),
                   count(*) FILTER (WHERE r.student_key IS NOT NULL AND r.score = i.score AND r.grade IS NOT DISTINCT FROM i.grade)
            FROM results_{n} i LEFT JOIN results r ON r.student_key = i.student_key AND r.assessment_key = i.assessment_key
            """);
        await Execute(ChangeCapture.RecordSql(n, importId, touched));

        var studentsUpdated = await Execute($"""
            UPDATE students s SET school = COALESCE(k.school, s.school), region = COALESCE(k.region, s.region),
                   grade_level = COALESCE(k.grade_level, s.grade_level), gender = COALESCE(k.gender, s.gender)
            FROM keys_{n} k
            WHERE s.student_key = k.student_key AND NOT k.is_new
              AND (s.school IS DISTINCT FROM COALESCE(k.school, s.school) OR s.region IS DISTINCT FROM COALESCE(k.region, s.region)
                   OR s.grade_level IS DISTINCT FROM COALESCE(k.grade_level, s.grade_level) OR s.gender IS DISTINCT FROM COALESCE(k.gender, s.gender))
            """);
        var studentsAdded = await Execute($"""
            INSERT INTO students SELECT student_key, @org, student_id, {(idsGenerated ? "true" : "false")}, school, region, grade_level, gender
            FROM keys_{n} WHERE is_new ORDER BY student_id
            """);
        await Execute($"""
            INSERT INTO student_attributes SELECT student_key, name, value FROM attrs_{n}
            ON CONFLICT (student_key, name) DO UPDATE SET value = EXCLUDED.value;
            INSERT INTO enrolment_attributes SELECT student_key, enrolment, name, value FROM eattrs_{n}
            ON CONFLICT (student_key, enrolment, name) DO UPDATE SET value = EXCLUDED.value;
            INSERT INTO results SELECT student_key, assessment_key, score, grade FROM results_{n} ORDER BY student_key
            ON CONFLICT (student_key, assessment_key) DO UPDATE SET score = EXCLUDED.score, grade = EXCLUDED.grade
            WHERE results.score <> EXCLUDED.score OR results.grade IS DISTINCT FROM EXCLUDED.grade;
            """);
        var baselines = await Execute($"""
            INSERT INTO baselines SELECT student_key, subject, expected, scale, source FROM baselines_{n} ORDER BY student_key
            ON CONFLICT (student_key, subject) DO UPDATE SET expected = EXCLUDED.expected, scale = EXCLUDED.scale, source = EXCLUDED.source
            """);

        await using var list = Command(ChangeCapture.ListSql(n, ChangeList.Listed));
        var (changes, total) = await ChangeList.ReadAsync(list, cancellationToken);
        return new WriteCounts(studentsAdded, studentsUpdated, counts[0], counts[1], counts[2], baselines, assessmentsAdded, 0) { Changes = changes, ChangesTotal = total };
    }
}
