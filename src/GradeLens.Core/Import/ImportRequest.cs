using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import;

/// <summary>What to import and how.</summary>
/// <param name="Files">Paths of CSV, TSV or .xlsx files.</param>
/// <param name="Mapping">A mapping to use instead of inferring one (from <c>--mapping</c>).</param>
/// <param name="DryRun">Report only: the store is not changed.</param>
/// <param name="SkipBadRows">Import the good rows and write the bad ones to <paramref name="RejectFile"/>.</param>
/// <param name="RejectFile">Where skipped rows go; default FILE.rejects.csv beside the first file.</param>
/// <param name="Organisation">Organisation the rows belong to.</param>
/// <param name="Sheet">Only this sheet of a workbook.</param>
/// <param name="DisplayNames">Names to show instead of the paths (an upload's original file name).</param>
/// <param name="AllowChanges">Let the import change values already stored (every change is listed either way); without it, an import that would change any is refused.</param>
/// <param name="Cohort">Import the file as its own cohort: its series are named "COHORT: series" and its students carry the attribute cohort.</param>
/// <param name="ImportedBy">Who imports, for the import log ("cli:ann", "web:lea").</param>
/// <param name="Exclusive">
/// Nothing else reads the store while this import runs (the command line owns a DuckDB file alone): the import stages in
/// the store's own instance under its memory cap, set back after it, and skips moving its rows between instances. A
/// server's imports leave it false: they stage in an instance of their own so the store's readers never share the cap.
/// </param>
public sealed record ImportRequest(
    IReadOnlyList<string> Files,
    ImportMapping? Mapping = null,
    bool DryRun = false,
    bool SkipBadRows = false,
    string? RejectFile = null,
    string Organisation = ImportRequest.DefaultOrganisation,
    string? Sheet = null,
    IReadOnlyList<string>? DisplayNames = null,
    bool AllowChanges = false,
    string? Cohort = null,
    string ImportedBy = "cli",
    bool Exclusive = false)
{
    public const string DefaultOrganisation = "default";
}
