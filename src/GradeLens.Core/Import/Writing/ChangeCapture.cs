namespace GradeLens.Core.Import.Writing;

/// <summary>
/// What an import changes and adds, captured inside its transaction before anything is overwritten — one SQL text for
/// both stores, over the writer's temp tables of one students table N: <c>keys_N</c> (student_id, student_key, is_new,
/// school...), <c>assess_N</c> (the assessments it adds), <c>results_N</c>, <c>attrs_N</c>, <c>eattrs_N</c>, <c>baselines_N</c>.
/// <c>changes_N</c> lists every stored value that would change (the report lists them; without allow-changes nothing is
/// written), and <c>import_changes</c> keeps, per import, what it added and the old value of what it changed, so an undo
/// removes exactly that.
/// </summary>
internal static class ChangeCapture
{
    /// <summary>
    /// Creates <c>changes_N</c>; <paramref name="create"/> is the store's "CREATE TEMP TABLE" spelling. When the table
    /// touches no stored student (<paramref name="touched"/> false: every student is new), nothing stored can change and
    /// the joins with the store's tables are skipped.
    /// </summary>
    public static string ChangesSql(string n, string create, bool touched) => touched ? ChangesSql(n, create) : $"""
        {create} changes_{n} AS
        SELECT CAST(NULL AS TEXT) AS kind, CAST(NULL AS BIGINT) AS student_key, CAST(NULL AS TEXT) AS student_id, CAST(NULL AS INTEGER) AS assessment_key,
               CAST(NULL AS TEXT) AS item, CAST(NULL AS TEXT) AS detail, CAST(NULL AS FLOAT8) AS old_number, CAST(NULL AS TEXT) AS old_text,
               CAST(NULL AS TEXT) AS old_extra, CAST(NULL AS FLOAT8) AS new_number, CAST(NULL AS TEXT) AS new_text
        WHERE false
        """;

    private static string ChangesSql(string n, string create) => $"""
        {create} changes_{n} AS
        SELECT 'result' AS kind, i.student_key, k.student_id, i.assessment_key,
               a.subject || ' / ' || a.series || CASE WHEN a.domain <> '' THEN ' / ' || a.domain ELSE '' END AS item,
               CAST(NULL AS TEXT) AS detail, r.score AS old_number, r.grade AS old_text, CAST(NULL AS TEXT) AS old_extra,
               i.score AS new_number, i.grade AS new_text
        FROM results_{n} i
        JOIN results r ON r.student_key = i.student_key AND r.assessment_key = i.assessment_key
        JOIN assessments a ON a.assessment_key = i.assessment_key
        JOIN keys_{n} k ON k.student_key = i.student_key
        WHERE r.score <> i.score OR r.grade IS DISTINCT FROM i.grade
        {StudentColumn(n, "school")}
        {StudentColumn(n, "region")}
        {StudentColumn(n, "grade_level")}
        {StudentColumn(n, "gender")}
        UNION ALL
        SELECT 'attribute', t.student_key, k.student_id, CAST(NULL AS INTEGER), t.name, CAST(NULL AS TEXT), CAST(NULL AS FLOAT8), t.value, CAST(NULL AS TEXT), CAST(NULL AS FLOAT8), a.value
        FROM attrs_{n} a JOIN student_attributes t ON t.student_key = a.student_key AND t.name = a.name JOIN keys_{n} k ON k.student_key = a.student_key
        WHERE t.value <> a.value
        UNION ALL
        SELECT 'enrolment_attribute', t.student_key, k.student_id, CAST(NULL AS INTEGER), t.name, t.enrolment, CAST(NULL AS FLOAT8), t.value, CAST(NULL AS TEXT), CAST(NULL AS FLOAT8), a.value
        FROM eattrs_{n} a JOIN enrolment_attributes t ON t.student_key = a.student_key AND t.enrolment = a.enrolment AND t.name = a.name
        JOIN keys_{n} k ON k.student_key = a.student_key
        WHERE t.value <> a.value
        UNION ALL
        SELECT 'baseline', t.student_key, k.student_id, CAST(NULL AS INTEGER), t.subject, CAST(NULL AS TEXT), t.expected, t.scale, t.source, b.expected, b.scale
        FROM baselines_{n} b JOIN baselines t ON t.student_key = b.student_key AND t.subject = b.subject JOIN keys_{n} k ON k.student_key = b.student_key
        WHERE t.expected <> b.expected OR t.scale <> b.scale
        """;

    private static string StudentColumn(string n, string column) => $"""
        UNION ALL
        SELECT 'student', s.student_key, s.student_id, CAST(NULL AS INTEGER), '{column}', CAST(NULL AS TEXT), CAST(NULL AS FLOAT8), s.{column}, CAST(NULL AS TEXT), CAST(NULL AS FLOAT8), k.{column}
        FROM keys_{n} k JOIN students s ON s.student_key = k.student_key
        WHERE NOT k.is_new AND k.{column} IS NOT NULL AND s.{column} IS DISTINCT FROM k.{column}
        """;

    /// <summary>The <c>import_changes</c> rows of import <paramref name="importId"/> for table N: what it adds, then the old values of what it changes.</summary>
    public static string RecordSql(string n, long importId, bool touched) => touched ? RecordSql(n, importId) : $"""
        INSERT INTO import_changes (import_id, kind, added, student_key, assessment_key, item, detail, old_number, old_text, old_extra)
        SELECT {importId}, 'assessment', true, CAST(NULL AS BIGINT), assessment_key, CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS FLOAT8), CAST(NULL AS TEXT), CAST(NULL AS TEXT) FROM assess_{n}
        UNION ALL
        SELECT {importId}, 'student', true, student_key, CAST(NULL AS INTEGER), NULL, NULL, NULL, NULL, NULL FROM keys_{n} WHERE is_new
        """;

    private static string RecordSql(string n, long importId) => $"""
        INSERT INTO import_changes (import_id, kind, added, student_key, assessment_key, item, detail, old_number, old_text, old_extra)
        SELECT {importId}, 'assessment', true, CAST(NULL AS BIGINT), assessment_key, CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS FLOAT8), CAST(NULL AS TEXT), CAST(NULL AS TEXT) FROM assess_{n}
        UNION ALL
        SELECT {importId}, 'student', true, student_key, CAST(NULL AS INTEGER), NULL, NULL, NULL, NULL, NULL FROM keys_{n} WHERE is_new
        UNION ALL
        SELECT {importId}, 'result', true, i.student_key, i.assessment_key, NULL, NULL, NULL, NULL, NULL
        FROM results_{n} i JOIN keys_{n} k ON k.student_key = i.student_key AND NOT k.is_new
        WHERE NOT EXISTS (SELECT 1 FROM assess_{n} x WHERE x.assessment_key = i.assessment_key)
          AND NOT EXISTS (SELECT 1 FROM results r WHERE r.student_key = i.student_key AND r.assessment_key = i.assessment_key)
        UNION ALL
        SELECT {importId}, 'attribute', true, a.student_key, NULL, a.name, NULL, NULL, NULL, NULL
        FROM attrs_{n} a JOIN keys_{n} k ON k.student_key = a.student_key AND NOT k.is_new
        WHERE NOT EXISTS (SELECT 1 FROM student_attributes t WHERE t.student_key = a.student_key AND t.name = a.name)
        UNION ALL
        SELECT {importId}, 'enrolment_attribute', true, a.student_key, NULL, a.name, a.enrolment, NULL, NULL, NULL
        FROM eattrs_{n} a JOIN keys_{n} k ON k.student_key = a.student_key AND NOT k.is_new
        WHERE NOT EXISTS (SELECT 1 FROM enrolment_attributes t WHERE t.student_key = a.student_key AND t.enrolment = a.enrolment AND t.name = a.name)
        UNION ALL
        SELECT {importId}, 'baseline', true, b.student_key, NULL, b.subject, NULL, NULL, NULL, NULL
        FROM baselines_{n} b JOIN keys_{n} k ON k.student_key = b.student_key AND NOT k.is_new
        WHERE NOT EXISTS (SELECT 1 FROM baselines t WHERE t.student_key = b.student_key AND t.subject = b.subject)
        UNION ALL
        SELECT {importId}, kind, false, student_key, assessment_key, item, detail, old_number, old_text, old_extra FROM changes_{n}
        """;

    /// <summary>How many values would change, and the first <paramref name="limit"/> of them, in a stable order.</summary>
    public static string ListSql(string n, int limit) => $"""
        SELECT kind, student_id, item, detail, old_number, old_text, new_number, new_text, count(*) OVER () AS total
        FROM changes_{n} ORDER BY student_id, kind, item, detail LIMIT {limit}
        """;
}
