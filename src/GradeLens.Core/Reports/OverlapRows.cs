using GradeLens.Core.Exports;
using GradeLens.Core.Gaps;

namespace GradeLens.Core.Reports;

/// <summary>
/// A cell of the overlap file: its group most over-represented below proficiency against the other group (or the rest),
/// and whether the Overlap page flags the cell as a priority (<see cref="PriorityCohorts.Find"/> with the page's default
/// thresholds). Null figures for a suppressed cell or one without a gap.
/// </summary>
public sealed record OverlapRow(
    CellFigures Cell, string? FocusGroup, string? Comparison, double? GapPercentagePoints, double? PBelow, long? FocusStudents,
    double? GapPoints, double? Q, double? NationalPercentBelow, PriorityCohort? Priority)
{
    public bool Flagged => Priority is not null;

    public double? ExcessPercentBelow => Cell.PercentBelow is { } below && NationalPercentBelow is { } national ? below - national : null;
}

/// <summary>overlap.csv and overlap_domain.csv: the study's columns first, then the comparison, national share, q-value and the priority's rank and reason.</summary>
public static class OverlapRows
{
    public static PriorityThresholds Thresholds { get; } = new();

    public static IReadOnlyList<string> Header(bool domains) =>
    [
        .. EquityTables.Key(domains), "focus_group", "avg_score", "pct_below", "gap_pp", "p_value", "n_group", "flag_overlap",
        "series", "comparison", "national_pct_below", "excess_pct_below", "gap_points", "q_welch", "priority_rank", "reason", "suppressed",
    ];

    public static IReadOnlyList<OverlapRow> Of(GapTable table, bool domains)
    {
        ArgumentNullException.ThrowIfNull(table);
        var gaps = table.Gaps.ToLookup(g => g.Cell);
        var priorities = PriorityCohorts.Find(table, Thresholds)
            .ToDictionary(p => new CellKey(p.Series, p.Subject, p.Domain, p.Region, p.School, p.GradeLevel));
        var national = table.Cells.Where(c => c.Region is null && c.School is null && c.GradeLevel is null)
            .ToDictionary(c => (c.Series, c.Subject, c.Domain), c => c.PercentBelow);
        var rows = new List<OverlapRow>();
        foreach (var cell in EquityTables.Finest(table, domains))
        {
            var key = EquityTables.Key(cell);
            var nationalBelow = national.GetValueOrDefault((cell.Series, cell.Subject, cell.Domain));
            var focus = gaps[key].SelectMany(Sides).OrderByDescending(f => f.Pp).FirstOrDefault();
            rows.Add(focus.Gap is null
                ? new OverlapRow(cell, null, null, null, null, null, null, null, nationalBelow, null)
                : new OverlapRow(cell, focus.Group, focus.Other, focus.Pp, focus.Gap.PBelow, focus.N, focus.Points, focus.Gap.Q, nationalBelow, priorities.GetValueOrDefault(key)));
        }

        return rows;
    }

    /// <summary>A gap from each side: against the rest only the group's own; between two groups both, so the one more often below can lead.</summary>
    private static IEnumerable<(string Group, string Other, double Pp, double Points, long N, GapRow Gap)> Sides(GapRow g)
    {
        yield return (g.Group, g.Comparison, g.GapPercentagePoints, g.GapPoints, g.GroupStudents, g);
        if (g.Comparison != "rest")
        {
            yield return (g.Comparison, g.Group, -g.GapPercentagePoints, -g.GapPoints, g.ComparisonStudents, g);
        }
    }

    public static ReportTable Table(IReadOnlyList<OverlapRow> rows, bool domains)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new ReportTable(Header(domains));
        foreach (var r in rows)
        {
            csv.Row([
                .. EquityTables.KeyFields(r.Cell, domains), CsvText.Text(r.FocusGroup), CsvText.Number(r.Cell.Mean), CsvText.Number(r.Cell.PercentBelow),
                CsvText.Number(r.GapPercentagePoints), CsvText.Number(r.PBelow), CsvText.Number(r.FocusStudents), CsvText.Flag(r.Flagged),
                CsvText.Text(r.Cell.Series), CsvText.Text(r.Comparison), CsvText.Number(r.NationalPercentBelow), CsvText.Number(r.ExcessPercentBelow),
                CsvText.Number(r.GapPoints), CsvText.Number(r.Q), CsvText.Number(r.Priority?.Rank), CsvText.Text(r.Priority?.Reason), CsvText.Flag(r.Cell.Suppressed),
            ]);
        }

        return csv;
    }
}
