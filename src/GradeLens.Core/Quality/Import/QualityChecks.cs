using DuckDB.NET.Data;
using GradeLens.Core.Import.Staging;
using static GradeLens.Core.Quality.Import.QualityStagedFile;

namespace GradeLens.Core.Quality.Import;

/// <summary>
/// The checks across an import's tables, in SQL over the staged files: <c>qv_TABLE</c> (every file of a table, one
/// relation) is checked for values out of range, repeated keys and orphans, each rejection written to <c>qr</c> with
/// its file and row; then <c>qf_TABLE</c> is what will be written (programmes and enrolments derived when absent,
/// modules' programmes resolved by id or by a unique name).
/// </summary>
internal static class QualityChecks
{
    public static string Staged(QualityTable table) => "qv_" + table.Name;

    public static string Final(QualityTable table) => "qf_" + table.Name;

    /// <summary>Creates <c>qv_TABLE</c> for every quality table: the union of its files (an empty relation when it has none).</summary>
    public static async Task CreateStagedViewsAsync(DuckDBConnection connection, IReadOnlyList<QualityStagedFile> files, CancellationToken cancellationToken)
    {
        foreach (var table in QualityTables.All)
        {
            var parts = files.Where(f => f.Target == table).Select(f => $"SELECT file_no, row_index, {table.ColumnList} FROM {f.Typed}").ToList();
            var empty = $"SELECT CAST(NULL AS INTEGER) AS file_no, CAST(NULL AS BIGINT) AS row_index, " +
                        string.Join(", ", table.Columns.Select(c => $"CAST(NULL AS {SqlType(c.Type)}) AS {c.Name}")) + " WHERE FALSE";
            await ExecuteAsync(connection, $"CREATE OR REPLACE TEMP VIEW {Staged(table)} AS {(parts.Count == 0 ? empty : string.Join(" UNION ALL ", parts))}", cancellationToken);
        }
    }

    public static async Task CheckAsync(DuckDBConnection connection, ISet<QualityTable> present, CancellationToken cancellationToken)
    {
        string V(QualityTable t) => Staged(t);
        var (programmes, modules, enrolments, assessments, grades) = (QualityTables.Programmes, QualityTables.Modules, QualityTables.Enrolments, QualityTables.Assessments, QualityTables.Grades);
        var checks = new List<string>
        {
            Range(grades, "mark", "mark < 0 OR mark > 100", "a mark must be within 0-100"),
            Range(assessments, "weight", "weight < 0", "a weight cannot be negative"),
            Range(assessments, "returned_on", "returned_on < due_on", "returned before it was due"),
            Range(QualityTables.SurveyAnswers, "score", "score < 1 OR score > 5", "a score must be 1 to 5"),
            Range(QualityTables.SurveySummaries, "mean_score", "mean_score < 1 OR mean_score > 5", "a mean score must be within 1-5"),
            Range(QualityTables.SurveySummaries, "responses", "responses < 0", "a number of responses cannot be negative"),
            Range(QualityTables.SurveySummaries, "invited", "invited < responses", "fewer invited than responded"),
            Range(QualityTables.SupportVisits, "visits", "visits < 0", "a number of visits cannot be negative"),
            Range(QualityTables.Complaints, "resolved_on", "resolved_on < submitted_on", "resolved before it was submitted"),
            Range(QualityTables.Placements, "end_on", "end_on < start_on", "ends before it starts"),
            Orphan(enrolments, "module_id", "an enrolment in an unknown module", V(modules), "module_id"),
            Orphan(assessments, "module_id", "an assessment of an unknown module", V(modules), "module_id"),
            Orphan(grades, "assessment_id", "a grade for an unknown assessment", V(assessments), "assessment_id"),
            Orphan(QualityTables.SurveyAnswers, "module_id", "a survey answer about an unknown module", V(modules), "module_id"),
            Orphan(QualityTables.SurveySummaries, "module_id", "a survey result for an unknown module", V(modules), "module_id"),
            Orphan(QualityTables.SupportVisits, "module_id", "a visit about an unknown module", V(modules), "module_id"),
            Orphan(QualityTables.SupportVisits, "term", "a visit in a term no module runs in", V(modules), "term"),
            Orphan(QualityTables.SupportVisits, "student_id", "a visit by a student enrolled in no module", Final(enrolments), "student_id"),
        };
        checks.AddRange(Repeats(programmes, "programme", "programme_id"));
        checks.AddRange(Repeats(modules, "module", "module_id"));
        checks.AddRange(Repeats(assessments, "assessment", "assessment_id"));
        checks.AddRange(Repeats(enrolments, "enrolment of the student in the module", "student_id", "module_id"));
        checks.AddRange(Repeats(grades, "mark of the student for the assessment", "student_id", "assessment_id"));
        checks.AddRange(Repeats(QualityTables.SurveyAnswers, "answer of the student to the question about the module", "student_id", "module_id", "question"));
        checks.AddRange(Repeats(QualityTables.SurveySummaries, "result for the module and theme", "module_id", "theme"));
        if (present.Contains(programmes))
        {
            checks.Add($"""
                SELECT m.file_no, m.row_index, 'programme_id', m.programme_id, 'a module of an unknown programme (no programme has this id or name)', NULL, NULL
                FROM {V(modules)} m WHERE m.programme_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM qf_resolved_modules r WHERE r.file_no = m.file_no AND r.row_index = m.row_index AND r.programme_id IS NOT NULL)
                """);
        }

        if (present.Contains(enrolments))
        {
            checks.Add($"""
                SELECT g.file_no, g.row_index, 'student_id', g.student_id, 'the student is not enrolled in module ' || a.module_id || ', whose assessment this is', NULL, NULL
                FROM {V(grades)} g JOIN {V(assessments)} a ON a.assessment_id = g.assessment_id
                WHERE NOT EXISTS (SELECT 1 FROM {V(enrolments)} e WHERE e.student_id = g.student_id AND e.module_id = a.module_id)
                """);
            checks.Add($"""
                SELECT s.file_no, s.row_index, 'student_id', s.student_id, 'the student is not enrolled in the module the answer is about', NULL, NULL
                FROM {V(QualityTables.SurveyAnswers)} s
                WHERE s.student_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {V(enrolments)} e WHERE e.student_id = s.student_id AND e.module_id = s.module_id)
                """);
        }

        // One statement: DuckDB runs the checks as one plan instead of paying a statement's overhead for each.
        await ExecuteAsync(connection, "INSERT INTO qr " + string.Join("\nUNION ALL\n", checks), cancellationToken);
    }

    /// <summary>Creates <c>qf_TABLE</c>, the rows to write. Modules are resolved first (the programme check reads them).</summary>
    public static async Task CreateFinalViewsAsync(DuckDBConnection connection, ISet<QualityTable> present, CancellationToken cancellationToken)
    {
        var (programmes, modules, enrolments) = (QualityTables.Programmes, QualityTables.Modules, QualityTables.Enrolments);
        var programmeRows = present.Contains(programmes)
            ? $"SELECT programme_id, name, faculty FROM {Staged(programmes)}"
            : $"SELECT DISTINCT programme_id, programme_id AS name, CAST(NULL AS VARCHAR) AS faculty FROM {Staged(modules)} WHERE programme_id IS NOT NULL";
        await ExecuteAsync(connection, $"CREATE OR REPLACE TEMP VIEW {Final(programmes)} AS {programmeRows}", cancellationToken);
        await ExecuteAsync(connection, $"""
            CREATE OR REPLACE TEMP VIEW qf_resolved_modules AS
            SELECT m.file_no, m.row_index, m.module_id, coalesce(by_id.programme_id, by_name.programme_id) AS programme_id, m.title, m.term
            FROM {Staged(modules)} m
            LEFT JOIN (SELECT DISTINCT programme_id FROM {Final(programmes)}) by_id ON by_id.programme_id = m.programme_id
            LEFT JOIN (SELECT name, min(programme_id) AS programme_id FROM {Final(programmes)} GROUP BY name HAVING count(*) = 1) by_name ON by_name.name = m.programme_id
            """, cancellationToken);
        await ExecuteAsync(connection, $"CREATE OR REPLACE TEMP VIEW {Final(modules)} AS SELECT module_id, programme_id, title, term FROM qf_resolved_modules", cancellationToken);
        var enrolmentRows = present.Contains(enrolments)
            ? $"SELECT student_id, module_id FROM {Staged(enrolments)}"
            : $"SELECT DISTINCT g.student_id, a.module_id FROM {Staged(QualityTables.Grades)} g JOIN {Staged(QualityTables.Assessments)} a ON a.assessment_id = g.assessment_id";
        await ExecuteAsync(connection, $"CREATE OR REPLACE TEMP VIEW {Final(enrolments)} AS {enrolmentRows}", cancellationToken);
        foreach (var table in QualityTables.All.Where(t => t != programmes && t != modules && t != enrolments))
        {
            await ExecuteAsync(connection, $"CREATE OR REPLACE TEMP VIEW {Final(table)} AS SELECT {table.ColumnList} FROM {Staged(table)}", cancellationToken);
        }
    }

    /// <summary>Rows whose value is out of range; the value shown as written (120, not 120.0; dates as yyyy-mm-dd).</summary>
    private static string Range(QualityTable table, string column, string condition, string reason)
    {
        var type = table.Columns.Single(c => c.Name == column).Type;
        var shown = type == QualityColumnType.Number
            ? $"CASE WHEN {column} = floor({column}) AND abs({column}) < 1e15 THEN CAST(CAST({column} AS BIGINT) AS VARCHAR) ELSE CAST({column} AS VARCHAR) END"
            : $"CAST({column} AS VARCHAR)";
        return $"SELECT file_no, row_index, '{column}', {shown}, {Sql.Text(reason)}, NULL, NULL FROM {Staged(table)} WHERE {condition}";
    }

    private static string Orphan(QualityTable table, string column, string reason, string parent, string parentColumn) =>
        $"SELECT x.file_no, x.row_index, '{column}', x.{column}, {Sql.Text(reason)}, NULL, NULL FROM {Staged(table)} x " +
        $"WHERE x.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{parentColumn} = x.{column})";

    /// <summary>Every row after the first with the same key; its reason names the first (the line is filled in when listed).</summary>
    private static IEnumerable<string> Repeats(QualityTable table, string what, params string[] keys)
    {
        var key = string.Join(", ", keys.Select(k => "x." + k));
        // The keys' hash is grouped first (one integer instead of text: 1.7 s instead of 2.0 s over 11 million grades), then only
        // the rows of a repeated hash are grouped by their text: two keys sharing a hash are told apart there.
        var present = string.Join(" AND ", keys.Select(k => k + " IS NOT NULL"));
        var hashed = $"hash({string.Join(", ", keys)})";
        yield return $"""
            SELECT file_no, row_index, '{keys[^1]}', concat_ws(' / ', {string.Join(", ", keys)}), {Sql.Text($"a second {what} (the first is {{first}})")}, first_file, first_row
            FROM (SELECT x.file_no, x.row_index, {key},
                         row_number() OVER (PARTITION BY {key} ORDER BY x.file_no, x.row_index) AS nth,
                         first_value(x.file_no) OVER (PARTITION BY {key} ORDER BY x.file_no, x.row_index) AS first_file,
                         first_value(x.row_index) OVER (PARTITION BY {key} ORDER BY x.file_no, x.row_index) AS first_row
                  FROM {Staged(table)} x
                  JOIN (SELECT {string.Join(", ", keys)} FROM {Staged(table)} WHERE {present} AND {hashed} IN (SELECT {hashed} FROM {Staged(table)} WHERE {present} GROUP BY 1 HAVING count(*) > 1)
                        GROUP BY {string.Join(", ", keys)} HAVING count(*) > 1) repeated ON {string.Join(" AND ", keys.Select(k => $"repeated.{k} = x.{k}"))}) numbered
            WHERE nth > 1
            """;
    }
}
