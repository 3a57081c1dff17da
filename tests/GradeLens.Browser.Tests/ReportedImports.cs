using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Web.Data;

namespace GradeLens.Browser.Tests;

/// <summary>Imports that answer with a fixed report, to check how the Data page shows each part of one (the app's store stays real).</summary>
public sealed class ReportedImports(ImportReport report)
{
    public ImportRequest? LastRequest { get; private set; }

    public ImportRunner Runner => (request, _) =>
    {
        LastRequest = request;
        return Task.FromResult(report);
    };

    /// <summary>A dry run over an Arabic/French file with two rejected rows.</summary>
    public static ImportReport ArabicDryRun { get; } = new(
        Succeeded: false,
        DryRun: true,
        Message: "2 rows of نتائج.csv would be rejected; nothing was stored.",
        Tables:
        [
            new TableHealth(
                File: "نتائج.csv",
                Sheet: null,
                Kind: TableKind.Students,
                Encoding: "utf-8",
                Delimiter: ';',
                Shape: "wide",
                Rows: 4,
                Students: 4,
                Subjects: ["Mathematics", "Français"],
                Series: ["Final"],
                Columns:
                [
                    new ColumnHealth("رقم الطالب", ColumnRole.StudentId, "student_id", 0, 4, null, 0, 0, null, null),
                    new ColumnHealth("رياضيات", ColumnRole.Score, "Mathematics / Final", 1, 3, "percent", 1, 0, "12", "140"),
                    new ColumnHealth("Mathématiques", ColumnRole.Score, "Français / Final", 0, 4, "percent", 0, 1, "0", "88"),
                    new ColumnHealth("remarque", ColumnRole.Ignore, null, 2, 2, null, 0, 0, null, null),
                ],
                UnmappedColumns: ["remarque"],
                DuplicateRows: 0,
                Notes: ["Scores read as percent (0-100)."],
                Mapping: new ImportMapping { Columns = [] }),
        ],
        Rejected:
        [
            new RejectedRow("نتائج.csv", 3, "رياضيات", "140", "140 is above the scale's maximum of 100"),
            new RejectedRow("نتائج.csv", 5, null, null, "the row has 2 fields; the header has 4"),
        ],
        RejectedTotal: 2,
        Written: WriteCounts.None,
        RejectFile: null,
        Seconds: 0.2);
}
