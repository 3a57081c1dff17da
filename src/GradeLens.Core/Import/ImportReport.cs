using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Import;

/// <summary>One row that was (or would be) rejected, located exactly in the user's file.</summary>
/// <param name="Line">Line in a text file, row in a sheet (1-based, header included).</param>
/// <param name="Column">The column's header, or null when the whole row is wrong (wrong field count).</param>
public sealed record RejectedRow(string File, long Line, string? Column, string? Value, string Reason)
{
    public override string ToString() =>
        Column is null
            ? $"{File}:{Line}: {Reason}"
            : $"{File}:{Line}: column '{Column}'{(Value is null ? "" : $" value '{Value}'")}: {Reason}";
}

/// <summary>Per-column facts for the health report.</summary>
/// <param name="Distinct">Distinct values: exact, unless <see cref="DistinctIsApproximate"/> (very large files).</param>
/// <param name="Minimum">The smallest value: numeric order over the parsed numbers when every value is a number, else text order.</param>
public sealed record ColumnHealth(
    string Header,
    ColumnRole Role,
    string? Target,
    long Missing,
    long Distinct,
    string? Scale,
    long OutOfScale,
    long Zeros,
    string? Minimum,
    string? Maximum)
{
    /// <summary>True when <see cref="Distinct"/> is an estimate (shown as "about N"): files above <c>ColumnFacts.ExactDistinctRows</c> rows.</summary>
    public bool DistinctIsApproximate { get; init; }
}

/// <summary>What one table of one file holds, and what is wrong with it.</summary>
public sealed record TableHealth(
    string File,
    string? Sheet,
    TableKind Kind,
    string Encoding,
    char Delimiter,
    string Shape,
    long Rows,
    long Students,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Series,
    IReadOnlyList<ColumnHealth> Columns,
    IReadOnlyList<string> UnmappedColumns,
    long DuplicateRows,
    IReadOnlyList<string> Notes,
    ImportMapping Mapping)
{
    /// <summary>What the file is: "CSV (comma-separated)", "Excel workbook (.xlsx), sheet 'Year 11'".</summary>
    public string Format { get; init; } = "";

    /// <summary>Score, baseline and area figures the table holds (after declared missing values): a table with none is not imported.</summary>
    public long Figures { get; init; }

    /// <summary>The series every score column without one is filed under (the file names none), or null.</summary>
    public string? DefaultSeries { get; init; }
}

/// <summary>Rows written to (or, on a dry run, that would change in) the store.</summary>
public sealed record WriteCounts(
    long StudentsAdded,
    long StudentsUpdated,
    long ResultsAdded,
    long ResultsUpdated,
    long ResultsUnchanged,
    long BaselinesWritten,
    long AssessmentsAdded,
    long AreaRowsWritten)
{
    public static WriteCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Stored values the import changes (or, refused, would change): every one counted, the first <c>1000</c> listed.</summary>
    public IReadOnlyList<ValueChange> Changes { get; init; } = [];

    public long ChangesTotal { get; init; }

    /// <summary>Equal counts and equal changes, in order (the list compared item by item, not by reference).</summary>
    public bool Equals(WriteCounts? other) =>
        other is not null && (StudentsAdded, StudentsUpdated, ResultsAdded, ResultsUpdated, ResultsUnchanged, BaselinesWritten, AssessmentsAdded, AreaRowsWritten, ChangesTotal)
            == (other.StudentsAdded, other.StudentsUpdated, other.ResultsAdded, other.ResultsUpdated, other.ResultsUnchanged, other.BaselinesWritten, other.AssessmentsAdded, other.AreaRowsWritten, other.ChangesTotal)
        && Changes.SequenceEqual(other.Changes);

    public override int GetHashCode() => HashCode.Combine(StudentsAdded, ResultsAdded, ResultsUpdated, ResultsUnchanged, BaselinesWritten, AreaRowsWritten, ChangesTotal);

    /// <summary>The counts in words, for the import log.</summary>
    public string Summary() =>
        $"{StudentsAdded} students added, {StudentsUpdated} updated; {ResultsAdded} results added, {ResultsUpdated} changed, {ResultsUnchanged} unchanged; " +
        $"{BaselinesWritten} baselines; {AssessmentsAdded} assessments added; {AreaRowsWritten} area figures; {ChangesTotal} stored values changed";
}

/// <summary>One stored value an import changes: "A1", "Mathematics / Final", "57", "5".</summary>
public sealed record ValueChange(string Student, string What, string Was, string Becomes)
{
    public override string ToString() => $"{Student}: {What} {Was} -> {Becomes}";
}

/// <summary>The outcome of <c>gradelens import</c> or an upload on the Data page.</summary>
/// <param name="Succeeded">True when the store was changed as asked (or, on a dry run, would be).</param>
/// <param name="Message">One plain sentence for the user: what happened, or why nothing did.</param>
/// <param name="RejectedTotal">All rejected rows; <paramref name="Rejected"/> lists the first ones only.</param>
public sealed record ImportReport(
    bool Succeeded,
    bool DryRun,
    string Message,
    IReadOnlyList<TableHealth> Tables,
    IReadOnlyList<RejectedRow> Rejected,
    long RejectedTotal,
    WriteCounts Written,
    string? RejectFile,
    double Seconds)
{
    /// <summary>
    /// Set when the import stopped to ask rather than guess (a column it cannot tell, a long file without ids): the
    /// question, in one sentence; each table's <see cref="TableHealth.Mapping"/> is the mapping to edit and import with.
    /// </summary>
    public string? Question { get; init; }

    /// <summary>The import's id in the import log (what <c>gradelens import undo ID</c> takes), once written; null otherwise.</summary>
    public long? ImportId { get; init; }
}
