using GradeLens.Core.Import;

namespace GradeLens.Core.Quality.Import;

/// <summary>A university's own tables to import for one organisation.</summary>
/// <param name="Paths">CSV/TSV/XLSX files (a workbook: a sheet per table) or folders of them.</param>
/// <param name="DryRun">Check everything, write nothing.</param>
/// <param name="DateOrder">Forces d/m/y or m/d/y for every file; null: detected from the values (day/month when none shows).</param>
/// <param name="ListedRejects">How many rejected rows the report lists (all are counted).</param>
public sealed record QualityImportRequest(
    IReadOnlyList<string> Paths, string Organisation, bool DryRun = false, DateOrder? DateOrder = null, int ListedRejects = 1_000);

/// <summary>One file or sheet of an import: the table it was read as, its rows and how its headers were matched.</summary>
/// <param name="Table">The quality table it fills (he_grades...), or null when it was left out (a students table) or not recognised.</param>
/// <param name="Columns">Quality column -> the file's header.</param>
/// <param name="DateOrder">"day/month", "month/day" when its dates are written so, else null.</param>
/// <param name="DateOrderAmbiguous">True when no value showed the order (every day and month 12 or under).</param>
public sealed record QualityTableFound(
    string File, string? Sheet, string? Kind, string? Table, long Rows, IReadOnlyDictionary<string, string> Columns, IReadOnlyList<string> Unused,
    string? DateOrder, bool DateOrderAmbiguous);

/// <summary>The outcome of a Quality import: all-or-nothing.</summary>
/// <param name="Message">One sentence: what was written, or why nothing was.</param>
/// <param name="Problems">What is wrong with the import as a whole (a table missing), beside the rejected rows.</param>
/// <param name="Written">Rows per quality table: written, or on a dry run that would be; empty when nothing could be.</param>
/// <param name="Notes">What the import noticed: date orders, derived tables, columns not used, the reader's notes.</param>
public sealed record QualityImportReport(
    bool Succeeded, bool DryRun, string Message, IReadOnlyList<QualityTableFound> Tables, IReadOnlyList<string> Problems,
    IReadOnlyList<RejectedRow> Rejected, long RejectedTotal, IReadOnlyDictionary<string, long> Written, IReadOnlyList<string> Notes, double Seconds);
