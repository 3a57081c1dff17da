using System.Data.Common;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tracking;

/// <summary>The subjects the Tracking page can draw, a subject's scale and the groups its students can be narrowed to: one query each for both stores.</summary>
internal static class SubjectQueries
{
    /// <summary>Attributes with more values than this (free text, thousands of schools) are not offered as a filter list.</summary>
    public const int MaxGroupValues = 300;

    public static async Task<SubjectScale?> ScaleAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, string subject, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var organisation = sql.OrganisationCondition(scope, command);
        var subjectName = sql.Parameter(command, "subject", subject);
        command.CommandText = $"""
            SELECT scale, max(max_score) FROM assessments
            WHERE subject = {subjectName} AND domain = '' AND {organisation}
            GROUP BY scale ORDER BY count(*) DESC, scale LIMIT 1
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SubjectScale.For(reader.GetString(0), reader.GetDouble(1)) : null;
    }

    /// <summary>Subjects with whole-subject results in scope (a national file's domain-only subjects have none), alphabetically.</summary>
    public static async Task<IReadOnlyList<TrackingSubject>> SubjectsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        // An aggregates-only caller sees no subject, and no baseline count, of fewer students than their minimum cell size.
        var minimum = sql.Parameter(command, "min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1);
        command.CommandText = $"""
            WITH taken AS (
                SELECT a.subject, count(DISTINCT a.series) AS series, count(DISTINCT r.student_key) AS students
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.domain = '' AND {students}
                GROUP BY a.subject HAVING count(DISTINCT r.student_key) >= {minimum}),
            expected AS (
                SELECT b.subject, count(*) AS baselines FROM baselines b JOIN students s ON s.student_key = b.student_key
                WHERE {students} GROUP BY b.subject)
            SELECT t.subject, t.series, t.students,
                   CASE WHEN e.baselines IS NULL THEN 0 WHEN e.baselines >= {minimum} THEN e.baselines END
            FROM taken t LEFT JOIN expected e ON e.subject = t.subject
            ORDER BY t.subject
            """;
        var subjects = new List<TrackingSubject>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            subjects.Add(new TrackingSubject(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return subjects;
    }

    public static async Task<IReadOnlyList<TrackingGroup>> GroupsAsync(DbConnection connection, StoreSqlDialect sql, Scope scope, string subject, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var students = sql.StudentCondition(scope, command);
        var subjectName = sql.Parameter(command, "subject", subject);
        var minimum = sql.Parameter(command, "min_n", scope.AggregatesOnly ? scope.MinimumCellSize : 1);
        var columns = string.Join("\n    UNION ALL ", TrackingFilterSql.StudentColumns.Select(c => $"SELECT '{c}' AS attribute, {c} AS value, student_key FROM taking WHERE {c} IS NOT NULL AND {c} <> ''"));
        command.CommandText = $"""
            WITH taking AS (
                SELECT DISTINCT s.student_key, s.school, s.region, s.grade_level, s.gender
                FROM results r
                JOIN assessments a ON a.assessment_key = r.assessment_key
                JOIN students s ON s.student_key = r.student_key AND s.organisation = a.organisation
                WHERE a.subject = {subjectName} AND a.domain = '' AND {students}),
            grouped AS (
                {columns}
                UNION ALL SELECT f.name, f.value, f.student_key FROM student_attributes f JOIN taking t ON t.student_key = f.student_key),
            counted AS (SELECT attribute, value, count(*) AS n FROM grouped GROUP BY attribute, value HAVING count(*) >= {minimum})
            SELECT attribute, value, n FROM counted
            WHERE attribute IN (SELECT attribute FROM counted GROUP BY attribute HAVING count(*) BETWEEN 2 AND {MaxGroupValues})
            ORDER BY attribute, value
            """;
        var rows = new List<(string Attribute, TrackingGroupValue Value)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), new TrackingGroupValue(reader.GetString(1), reader.GetInt64(2))));
        }

        return rows.GroupBy(r => r.Attribute).Select(g => new TrackingGroup(g.Key, g.Select(r => r.Value).ToList())).ToList();
    }
}
