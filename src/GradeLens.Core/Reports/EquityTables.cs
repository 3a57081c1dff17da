using GradeLens.Core.Exports;
using GradeLens.Core.Gaps;

namespace GradeLens.Core.Reports;

/// <summary>
/// The equity study's aggregate files, from the Equity page's gap table (<see cref="GapReads.GetGapTableAsync"/>): the
/// study's columns first (region, grade, subject[, domain], avg_score, pct_below, n_students / subgroup_a ... n_b), then
/// what it lacked: the series, intervals, Welch tests with Benjamini-Hochberg q-values, Hedges' g and suppression flags.
/// A suppressed cell keeps its row, with blank figures and <c>suppressed</c> true, so the reader sees what is withheld.
/// </summary>
public static class EquityTables
{
    public static IReadOnlyList<string> CellHeader(bool domains) =>
        [.. Key(domains), "avg_score", "pct_below", "n_students", "series", "mean_lower", "mean_upper", "standard_deviation", "suppressed"];

    public static IReadOnlyList<string> GapHeader(bool domains) =>
    [
        .. Key(domains), "subgroup_a", "subgroup_b", "pct_a", "pct_b", "gap_pp", "p_value", "n_a", "n_b",
        "series", "mean_a", "mean_b", "gap_points", "gap_points_lower", "gap_points_upper", "p_welch", "q_welch", "significant",
        "hedges_g", "hedges_g_lower", "hedges_g_upper", "suppressed", "reason",
    ];

    public static ReportTable Cells(GapTable table, bool domains)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new ReportTable(CellHeader(domains));
        foreach (var cell in Finest(table, domains))
        {
            csv.Row([
                .. KeyFields(cell, domains),
                CsvText.Number(cell.Mean), CsvText.Number(cell.PercentBelow), CsvText.Number(cell.Students), CsvText.Text(cell.Series),
                CsvText.Number(cell.Lower), CsvText.Number(cell.Upper), CsvText.Number(cell.StandardDeviation), CsvText.Flag(cell.Suppressed),
            ]);
        }

        return csv;
    }

    public static ReportTable Gaps(GapTable table, bool domains)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new ReportTable(GapHeader(domains));
        var gaps = table.Gaps.ToLookup(g => g.Cell);
        foreach (var cell in Finest(table, domains))
        {
            var rows = gaps[Key(cell)].ToList();
            if (rows.Count == 0)
            {
                var reason = cell.Suppressed
                    ? $"cell suppressed: fewer than {table.MinimumCellSize} students, or withheld so a smaller one cannot be worked out"
                    : $"no gap: fewer than two groups of at least {table.MinimumCellSize} students";
                csv.Row([.. KeyFields(cell, domains), .. Enumerable.Repeat("", 8), CsvText.Text(cell.Series), .. Enumerable.Repeat("", 11), CsvText.Flag(true), CsvText.Text(reason)]);
                continue;
            }

            foreach (var g in rows)
            {
                csv.Row([
                    .. KeyFields(cell, domains), CsvText.Text(g.Group), CsvText.Text(g.Comparison),
                    CsvText.Number(g.GroupPercentBelow), CsvText.Number(g.ComparisonPercentBelow), CsvText.Number(g.GapPercentagePoints), CsvText.Number(g.PBelow),
                    CsvText.Number(g.GroupStudents), CsvText.Number(g.ComparisonStudents), CsvText.Text(g.Series),
                    CsvText.Number(g.GroupMean), CsvText.Number(g.ComparisonMean), CsvText.Number(g.GapPoints), CsvText.Number(g.GapLower), CsvText.Number(g.GapUpper),
                    CsvText.Number(g.P), CsvText.Number(g.Q), CsvText.Flag(g.Significant),
                    CsvText.Number(g.HedgesG), CsvText.Number(g.HedgesGLower), CsvText.Number(g.HedgesGUpper), CsvText.Flag(false), "",
                ]);
            }
        }

        return csv;
    }

    /// <summary>The table's finest cells (every dimension it is broken down by set), whole subjects or domains.</summary>
    public static IEnumerable<CellFigures> Finest(GapTable table, bool domains)
    {
        ArgumentNullException.ThrowIfNull(table);
        var byRegion = table.Within.Contains("region");
        var byGrade = table.Within.Contains("grade_level");
        return table.Cells.Where(c => (c.Domain.Length > 0) == domains && (c.Region is not null) == byRegion && (c.GradeLevel is not null) == byGrade && c.School is null);
    }

    public static CellKey Key(CellFigures cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new CellKey(cell.Series, cell.Subject, cell.Domain, cell.Region, cell.School, cell.GradeLevel);
    }

    internal static IReadOnlyList<string> Key(bool domains) => domains ? ["region", "grade", "subject", "domain"] : ["region", "grade", "subject"];

    internal static IReadOnlyList<string> KeyFields(CellFigures cell, bool domains) =>
        [.. new[] { cell.Region ?? GapCsv.All, cell.GradeLevel ?? GapCsv.All, cell.Subject }.Concat(domains ? [cell.Domain] : []).Select(CsvText.Text)];
}
