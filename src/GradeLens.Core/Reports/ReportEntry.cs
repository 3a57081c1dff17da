using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Reports;

public enum ReportFileKind
{
    Table,
    Figure,
    Data,
}

/// <summary>One file of a report, as the index lists it.</summary>
/// <param name="Path">Relative to the report folder, with '/' ("equity/agg_gender.csv").</param>
/// <param name="Method">One line: how the numbers were computed.</param>
/// <param name="Figure">For a figure, what it draws (the tests compare it with the feature's answer).</param>
/// <param name="Rows">For a table, its data rows.</param>
public sealed record ReportEntry(string Study, string Path, ReportFileKind Kind, string Title, string Method, Figure? Figure = null, int? Rows = null);

/// <summary>What one study put in the report, or the sentence saying why it is not there.</summary>
/// <param name="Skipped">Null when written; else why not ("No university data in scope: the Quality report needs...").</param>
/// <param name="Notes">Sentences for the index: what was left out and why (student rows for an analyst, a subject without results).</param>
public sealed record StudyOutcome(string Study, string Title, string? Skipped, IReadOnlyList<ReportEntry> Files, IReadOnlyList<string> Notes)
{
    public bool Written => Skipped is null;
}

/// <summary>The report as written: every study's outcome, where the index is, and how long it took.</summary>
public sealed record ReportSummary(string Directory, string IndexPath, ReportAudience Audience, IReadOnlyList<StudyOutcome> Studies, TimeSpan Elapsed)
{
    public IEnumerable<ReportEntry> Files => Studies.SelectMany(s => s.Files);

    public int FileCount => Studies.Sum(s => s.Files.Count) + 1;
}
