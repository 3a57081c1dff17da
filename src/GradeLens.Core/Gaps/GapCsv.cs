using GradeLens.Core.Exports;

namespace GradeLens.Core.Gaps;

/// <summary>The equity table as CSV, one schema for the CLI and the page's download: one row per gap; a total's region, school or grade reads "(all)".</summary>
public static class GapCsv
{
    public const string All = "(all)";

    public static readonly string[] Header =
    [
        "series", "subject", "domain", "region", "school", "grade_level", "attribute", "group", "comparison",
        "group_students", "comparison_students", "group_mean", "comparison_mean", "gap_points", "gap_lower", "gap_upper",
        "group_pct_below", "comparison_pct_below", "gap_pp", "t", "df", "p", "z", "p_below",
        "hedges_g", "hedges_g_lower", "hedges_g_upper", "q", "significant",
    ];

    public static string Write(GapTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new CsvText(Header);
        foreach (var g in table.Gaps)
        {
            csv.Row([
                .. new[] { g.Series, g.Subject, g.Domain, g.Region ?? All, g.School ?? All, g.GradeLevel ?? All, g.Attribute, g.Group, g.Comparison }.Select(CsvText.Text),
                CsvText.Number(g.GroupStudents), CsvText.Number(g.ComparisonStudents), CsvText.Number(g.GroupMean), CsvText.Number(g.ComparisonMean),
                CsvText.Number(g.GapPoints), CsvText.Number(g.GapLower), CsvText.Number(g.GapUpper),
                CsvText.Number(g.GroupPercentBelow), CsvText.Number(g.ComparisonPercentBelow), CsvText.Number(g.GapPercentagePoints),
                CsvText.Number(g.T), CsvText.Number(g.DegreesOfFreedom), CsvText.Number(g.P), CsvText.Number(g.Z), CsvText.Number(g.PBelow),
                CsvText.Number(g.HedgesG), CsvText.Number(g.HedgesGLower), CsvText.Number(g.HedgesGUpper), CsvText.Number(g.Q), CsvText.Flag(g.Significant),
            ]);
        }

        return csv.ToString();
    }
}
