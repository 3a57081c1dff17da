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

    /// <summary>Why a database error stopped an import, in the user's words (never the database's text).</summary>
    public static string DatabaseFailure(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase)
            ? "reading it needs more memory than an import may use (GRADELENS_IMPORT_MEMORY, 300MB unless set). Raise the limit, or split the file into narrower or shorter ones."
            : message.Contains("CSV", StringComparison.Ordinal)
                ? "its text cannot be read as rows of a table (mixed line ends, a stray quote or binary content?). Save it again as CSV from the spreadsheet and import that."
                : "the check of its contents failed in a way GradeLens did not foresee. Save it again as CSV or .xlsx and import that; if it fails again, report the file's shape (not its data).";
    }

    /// <summary>A header repeated for a column with a role (a second id or score column): which one is meant is the user's to say.</summary>
    public static string? RepeatedHeader(string file, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var headers = mapping.Columns.Select(c => c.Header).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var repeat = mapping.Columns.FirstOrDefault(c => c.Role is not (ColumnRole.Ignore or ColumnRole.Attribute)
            && c.Header.EndsWith(')') && c.Header.LastIndexOf(" (", StringComparison.Ordinal) is var at and > 0
            && int.TryParse(c.Header.AsSpan(at + 2, c.Header.Length - at - 3), out _) && headers.Contains(c.Header[..at]));
        return repeat is null ? null
            : $"{file}: the header '{repeat.Header[..repeat.Header.LastIndexOf(" (", StringComparison.Ordinal)]}' names more than one column, and GradeLens will not guess which holds the {(repeat.Role == ColumnRole.StudentId ? "student ids" : repeat.Role.ToString().ToLowerInvariant() + "s")}. " +
              $"Nothing was imported. Rename the repeat, or give '{repeat.Header}' its role (or \"ignore\") in the mapping and import again with it.";
    }

    public static string NoFigures(string files) =>
        $"{files}: no row holds a score, baseline or area figure, so nothing was imported (GradeLens stores students with their results, never without). " +
        "If a column holds scores, give it the role \"score\" in a mapping.";
}
