namespace GradeLens.Core.Quality;

/// <summary>
/// The higher-education quality tables: their DDL (QualityTables.sql, one text for DuckDB and PostgreSQL) and their
/// columns after <c>organisation</c>, in table order, for the bulk writers. A test checks the two agree.
/// </summary>
public static class QualityTables
{
    public static QualityTable Programmes { get; } = new("he_programmes", [Text("programme_id"), Text("name"), Text("faculty")]);

    public static QualityTable Modules { get; } = new("he_modules", [Text("module_id"), Text("programme_id"), Text("title"), Text("term")]);

    public static QualityTable Enrolments { get; } = new("he_enrolments", [Text("student_id"), Text("module_id")]);

    public static QualityTable Assessments { get; } = new("he_assessments",
        [Text("assessment_id"), Text("module_id"), Text("title"), Date("due_on"), Date("returned_on"), Number("weight")]);

    public static QualityTable Grades { get; } = new("he_grades", [Text("student_id"), Text("assessment_id"), Date("submitted_on"), Number("mark")]);

    public static QualityTable SurveyAnswers { get; } = new("he_survey_answers",
        [Text("student_id"), Text("module_id"), Text("question"), Text("theme"), Whole("score")]);

    public static QualityTable SurveySummaries { get; } = new("he_survey_summaries",
        [Text("module_id"), Text("theme"), Number("mean_score"), Whole("responses"), Whole("invited")]);

    public static QualityTable SupportVisits { get; } = new("he_support_visits",
        [Text("student_id"), Text("module_id"), Date("visited_on"), Text("term"), Text("service"), Whole("visits")]);

    public static QualityTable Complaints { get; } = new("he_complaints",
        [Text("complaint_id"), Text("student_id"), Text("category"), Date("submitted_on"), Date("resolved_on"), new("upheld", QualityColumnType.Boolean)]);

    public static QualityTable Placements { get; } = new("he_placements",
        [Text("student_id"), Text("partner"), Date("start_on"), Date("end_on"), Text("outcome")]);

    public static QualityTable Admissions { get; } = new("he_admissions",
        [Text("application_id"), Text("student_id"), Text("route"), Text("offer_status"), Date("decided_on")]);

    /// <summary>
    /// Per student and module, the count and sums of their marks (plain and weighted): derived by <see cref="QualityWriter"/>
    /// after every write, so the pass-rate queries read module results, not every grade.
    /// </summary>
    public static QualityTable ModuleMarks { get; } = new("he_module_marks",
        [Text("module_id"), Text("student_id"), Whole("marks"), Number("mark_sum"), Number("weighted_sum"), Number("marked_weight")]);

    /// <summary>Every table the data is written to, parents before children (<see cref="ModuleMarks"/> is derived from them).</summary>
    public static IReadOnlyList<QualityTable> All { get; } =
        [Programmes, Modules, Enrolments, Assessments, Grades, SurveyAnswers, SurveySummaries, SupportVisits, Complaints, Placements, Admissions];

    /// <summary>The DDL of every table (CREATE TABLE statements, no data).</summary>
    public static string CreateSql { get; } = ReadResource();

    private static QualityColumn Text(string name) => new(name, QualityColumnType.Text);

    private static QualityColumn Date(string name) => new(name, QualityColumnType.Date);

    private static QualityColumn Number(string name) => new(name, QualityColumnType.Number);

    private static QualityColumn Whole(string name) => new(name, QualityColumnType.WholeNumber);

    private static string ReadResource()
    {
        var assembly = typeof(QualityTables).Assembly;
        using var stream = assembly.GetManifestResourceStream("GradeLens.Core.Quality.QualityTables.sql")
            ?? throw new InvalidOperationException("QualityTables.sql is not embedded in " + assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A quality table and its columns after <c>organisation</c>.</summary>
public sealed record QualityTable(string Name, IReadOnlyList<QualityColumn> Columns)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

public sealed record QualityColumn(string Name, QualityColumnType Type);

/// <summary>Column types of the quality tables: VARCHAR, DATE, DOUBLE PRECISION, INTEGER, BOOLEAN in both stores.</summary>
public enum QualityColumnType
{
    Text,
    Date,
    Number,
    WholeNumber,
    Boolean,
}
