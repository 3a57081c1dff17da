using GradeLens.Core.Gaps;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Reports;

/// <summary>The equity study's figures, drawn from the same gap table as its files.</summary>
public static class EquityFigures
{
    /// <summary>Mean score of every region x grade cell of one subject; suppressed cells grey. Null when no such cell is shown.</summary>
    public static HeatmapChart? MeanScores(GapTable table, string series, string subject)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cells = EquityTables.Finest(table, domains: false).Where(c => c.Series == series && c.Subject == subject).ToList();
        if (cells.All(c => c.Suppressed))
        {
            return null;
        }

        var rows = cells.Select(c => c.Region ?? GapCsv.All).Distinct().ToList();
        var columns = cells.Select(c => c.GradeLevel ?? GapCsv.All).Distinct().ToList();
        var value = $"Mean score ({Scale(table, series, subject)})";
        var text = new FigureText($"{value}, {subject} ({series}), by region and grade", "Grade", "Region",
            $"Mean of each cell's students; {Threshold(table, series, subject)}; cells under {table.MinimumCellSize} students (or that would reveal one) suppressed.");
        return new HeatmapChart(text, columns, rows,
            [.. cells.Select(c => new HeatmapValue(c.GradeLevel ?? GapCsv.All, c.Region ?? GapCsv.All, c.Suppressed ? null : c.Mean))], value);
    }

    /// <summary>The gap between the attribute's groups in each region (every grade together), with Welch's 95% interval. Null without a gap at that level.</summary>
    public static BarChart? GapsByRegion(GapTable table, string series, string subject)
    {
        ArgumentNullException.ThrowIfNull(table);
        var level = table.Within.Contains("region") ? "region" : "grade_level";
        var gaps = table.Gaps
            .Where(g => g.Series == series && g.Subject == subject && g.Domain.Length == 0 && g.School is null
                && (level == "region" ? g.Region is not null && g.GradeLevel is null : g.Region is null && g.GradeLevel is not null))
            .ToList();
        if (gaps.Count == 0)
        {
            return null;
        }

        var text = new FigureText($"{Title(table.Attribute)} gap in mean score, {subject} ({series}), by {(level == "region" ? "region" : "grade")}",
            level == "region" ? "Region (every grade)" : "Grade (every region)", $"Gap in mean score ({Scale(table, series, subject)})",
            $"Mean of the group minus the other group's (or the rest's), Welch 95% interval; groups under {table.MinimumCellSize} students suppressed.");
        return new BarChart(text, [.. gaps.Select(g => new BarValue((level == "region" ? g.Region : g.GradeLevel)!, $"{g.Group} − {g.Comparison}", g.GapPoints, g.GapLower, g.GapUpper))]);
    }

    /// <summary>Overlap: each cell's excess share below proficiency against the gap in points, priorities marked. Null without a cell with a gap.</summary>
    public static ScatterChart? Overlap(IReadOnlyList<OverlapRow> rows, int minimumCellSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shown = rows.Where(r => r.ExcessPercentBelow is not null && r.GapPoints is not null).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var t = OverlapRows.Thresholds;
        var text = new FigureText("Overlap: cells far below proficiency with a wide, real gap", "% below proficiency minus the national % (percentage points)",
            "Gap of the group most often below (score points)",
            $"Priority: ≥ {t.ExcessPercentBelow} points above national, a gap with q ≤ {t.Q} (Benjamini-Hochberg) and ≥ {t.GapPoints} points; cells under {minimumCellSize} suppressed.");
        return new ScatterChart(text,
            [.. shown.Select(r => new ScatterPoint(r.ExcessPercentBelow!.Value, r.GapPoints!.Value, r.Flagged, r.Flagged ? EquityTables.Key(r.Cell).Describe() : null))],
            [
                new ThresholdLine(ThresholdAxis.X, t.ExcessPercentBelow, $"+{t.ExcessPercentBelow} points"),
                new ThresholdLine(ThresholdAxis.Y, t.GapPoints, $"{t.GapPoints} points"),
                new ThresholdLine(ThresholdAxis.Y, -t.GapPoints, $"−{t.GapPoints} points"),
            ],
            PointsLegend: "region x grade cells", MarkedLegend: "priority cohorts");
    }

    /// <summary>"below 50 of 100" for the subject's series, from the table's thresholds.</summary>
    private static string Threshold(GapTable table, string series, string subject) =>
        table.Thresholds.FirstOrDefault(t => t.StartsWith($"{subject} ({series}):", StringComparison.Ordinal)) is { } found
            ? "proficiency " + found[(found.IndexOf(':', StringComparison.Ordinal) + 2)..]
            : "no proficiency threshold recorded";

    /// <summary>"of 100", the scale's maximum, for axis units.</summary>
    private static string Scale(GapTable table, string series, string subject)
    {
        var threshold = Threshold(table, series, subject);
        var of = threshold.LastIndexOf(" of ", StringComparison.Ordinal);
        return of < 0 ? "score" : "points" + threshold[of..];
    }

    private static string Title(string attribute) => attribute.Length == 0 ? attribute : char.ToUpperInvariant(attribute[0]) + attribute[1..];
}
