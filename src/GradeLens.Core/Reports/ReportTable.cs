using GradeLens.Core.Exports;

namespace GradeLens.Core.Reports;

/// <summary>A report's CSV table: <see cref="CsvText"/>'s quoting, formula neutralising and invariant numbers, with its header kept for the tests and its rows counted for the index.</summary>
public sealed class ReportTable
{
    private readonly CsvText _csv;

    public ReportTable(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        _csv = new CsvText(header);
    }

    public IReadOnlyList<string> Header { get; }

    public int Rows { get; private set; }

    /// <summary>One row of fields made by <see cref="CsvText.Text"/>, <see cref="CsvText.Number(double?)"/> or <see cref="CsvText.Flag"/>, one per header column.</summary>
    public ReportTable Row(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count != Header.Count)
        {
            throw new ArgumentException($"A row of {fields.Count} fields under a header of {Header.Count} columns.", nameof(fields));
        }

        _csv.Row(fields);
        Rows++;
        return this;
    }

    public override string ToString() => _csv.ToString();
}
