using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import;

/// <summary>
/// The questions an import stops on instead of guessing: one sentence each, naming the file and the column, saying what
/// to put in the mapping (the report carries the mapping, ready to edit).
/// </summary>
public static class ImportQuestions
{
    /// <summary>A question about the columns inference is unsure of, or null when there are none.</summary>
    public static string? Unsure(string file, IReadOnlyList<ColumnMapping> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            return null;
        }

        var listed = string.Join("; ", columns.Select(c => $"'{c.Header}' ({c.Evidence})"));
        return $"{file}: GradeLens cannot tell whether {(columns.Count == 1 ? "this column holds" : "these columns hold")} scores or a student attribute: {listed}. " +
               "Nothing was imported. Set the role (\"score\" or \"attribute\") in the mapping and import again with it.";
    }

    public static string NoIdInLongFile(string file) =>
        $"{file} has a row per result (a subject or series on each row) but no column is a student id, so its rows cannot be put together per student. " +
        "Nothing was imported. Name the id column in the mapping (role \"student_id\"), or set \"independent_rows\": true if every row is a different student.";

    public static string AmbiguousComma(string file, string column, string example) =>
        $"{file}: column '{column}' writes numbers such as '{example}', where the comma can be a decimal comma or a thousands separator, and the column's other values do not tell which. " +
        "Nothing was imported. Say which in the mapping (\"decimal_separator\": \",\" or \".\" for that column) and import again with it.";

    public static string ScaleConflict(string file, string subject, string series, string incoming, string stored) =>
        $"{file}: its {subject} scores for '{series}' are on the {incoming} scale, but {subject} / {series} is already stored on the {stored} scale, and two scales never merge into one subject. " +
        "Nothing was imported. Import the file as its own cohort (--cohort NAME, or the cohort field on the Data page), or give its scores another series in a mapping (default_series).";

    public static string NoFigures(string files) =>
        $"{files}: no row holds a score, baseline or area figure, so nothing was imported (GradeLens stores students with their results, never without). " +
        "If a column holds scores, give it the role \"score\" in a mapping.";
}
