using System.Globalization;
using System.Text.RegularExpressions;

namespace GradeLens.Core.Import.Reading;

/// <summary>
/// Where the table is, when a mapping says so: its header row (1-based, as a spreadsheet numbers rows), the rows to skip
/// above it, or a cell range ("B3:H200", "B3:H" to the end). Null everywhere: found by <see cref="TableLocator"/>.
/// </summary>
public sealed partial record TableLayout(int? HeaderRow = null, int? SkipRows = null, string? Range = null)
{
    public static TableLayout Find { get; } = new();

    /// <summary>The header's 0-based row index, or null to find it.</summary>
    internal int? HeaderIndex => HeaderRow is { } row ? row - 1 : SkipRows ?? (Cells is { } cells ? cells.FirstRow - 1 : null);

    /// <summary>The range's columns and rows (1-based, last row null = to the end), or null.</summary>
    internal (int FirstColumn, int FirstRow, int LastColumn, int? LastRow)? Cells
    {
        get
        {
            if (Range is null)
            {
                return null;
            }

            var match = RangePattern().Match(Range.Trim().ToUpperInvariant());
            if (!match.Success)
            {
                throw new UnreadableFileException($"The mapping's range '{Range}' is not a cell range such as B3:H200 (or B3:H for every row from 3).");
            }

            var last = match.Groups["r2"].Success ? int.Parse(match.Groups["r2"].Value, CultureInfo.InvariantCulture) : (int?)null;
            return (ColumnNumber(match.Groups["c1"].Value), int.Parse(match.Groups["r1"].Value, CultureInfo.InvariantCulture), ColumnNumber(match.Groups["c2"].Value), last);
        }
    }

    /// <summary>Checks the settings, naming what is wrong in one sentence.</summary>
    internal void Check()
    {
        if (HeaderRow is < 1 || SkipRows is < 0)
        {
            throw new UnreadableFileException("The mapping's header_row must be 1 or more (the row of the header, as numbered in the sheet), and skip_rows 0 or more.");
        }

        _ = Cells;
    }

    /// <summary>"A" = 1, "Z" = 26, "AA" = 27.</summary>
    internal static int ColumnNumber(string letters) => letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));

    [GeneratedRegex("^(?<c1>[A-Z]{1,3})(?<r1>[0-9]+):(?<c2>[A-Z]{1,3})(?<r2>[0-9]+)?$")]
    private static partial Regex RangePattern();
}
