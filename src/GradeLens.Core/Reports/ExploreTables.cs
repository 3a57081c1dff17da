using GradeLens.Core.Exports;
using GradeLens.Core.Explore;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Reports;

/// <summary>The explore report's tables (explore_ranking, explore_tests, explore_groups, explore_pairs) and its figures.</summary>
public static class ExploreTables
{
    /// <summary>Most groups a box-plot figure draws (a school attribute may have hundreds; they stay in the tables).</summary>
    public const int GroupsDrawn = 24;

    /// <summary>Most groups whose every pair explore_pairs lists (a school attribute's hundreds of groups would make tens of thousands of rows).</summary>
    public const int PairedGroups = 24;

    public const string RankingMethod = "omega² (variance between the groups, corrected for chance) ranks the attributes; eta² with its 95% interval by inverting the noncentral F; p from Welch's ANOVA, q Benjamini-Hochberg over the score's attributes.";

    public const string TestsMethod = "One-way ANOVA (equal variances), Welch's ANOVA (unequal variances) and Kruskal-Wallis (ranks, ties corrected), with eta² and omega²; a test that cannot be trusted is blank and its reason in notes.";

    public const string PairsMethod = "Every pair of groups (attributes of at most 24 groups): difference of means with Welch's 95% interval and test, q Benjamini-Hochberg over the attribute's pairs, Hedges' g with its interval.";

    private static readonly string[] ScoreKey = ["subject", "series", "domain"];

    public static IReadOnlyList<string> RankingHeader { get; } =
        [.. ScoreKey, "rank", "attribute", "students", "groups", "omega_squared", "eta_squared", "eta_squared_lower", "eta_squared_upper", "p_welch", "q", "reason"];

    public static IReadOnlyList<string> TestsHeader { get; } =
    [
        .. ScoreKey, "attribute", "students", "groups", "anova_f", "anova_df_between", "anova_df_within", "anova_p", "welch_f", "welch_df_between", "welch_df_within", "welch_p",
        "kruskal_h", "kruskal_df", "kruskal_p", "eta_squared", "omega_squared", "notes",
    ];

    public static IReadOnlyList<string> GroupsHeader { get; } =
        [.. ScoreKey, "attribute", "group", "students", "mean", "mean_lower", "mean_upper", "standard_deviation", "lower_quartile", "median", "upper_quartile"];

    public static IReadOnlyList<string> PairsHeader { get; } =
        [.. ScoreKey, "attribute", "group", "other", "group_students", "other_students", "group_mean", "other_mean", "difference", "lower", "upper", "t", "df", "p", "q", "hedges_g", "hedges_g_lower", "hedges_g_upper"];

    public static string GroupsMethod(int min) => $"Groups under {min} students are left out before any test; mean with Student's t 95% interval; quartiles interpolated as numpy's default (type 7).";

    public static ReportTable Ranking(IReadOnlyList<ExploredScore> explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        var csv = new ReportTable(RankingHeader);
        foreach (var score in explored)
        {
            foreach (var a in score.Ranking)
            {
                csv.Row([.. Key(score), CsvText.Number(a.Rank), CsvText.Text(a.Attribute), CsvText.Number(a.Students), CsvText.Number(a.Groups), CsvText.Number(a.OmegaSquared),
                    CsvText.Number(a.EtaSquared), CsvText.Number(a.Lower), CsvText.Number(a.Upper), CsvText.Number(a.P), CsvText.Number(a.Q), CsvText.Text(a.Reason)]);
            }
        }

        return csv;
    }

    public static ReportTable Tests(IReadOnlyList<ExploredScore> explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        var csv = new ReportTable(TestsHeader);
        foreach (var score in explored)
        {
            foreach (var t in score.Tests)
            {
                csv.Row([.. Key(score), CsvText.Text(t.Attribute), CsvText.Number(t.Students), CsvText.Number(t.Groups.Count),
                    CsvText.Number(t.Anova?.F), CsvText.Number(t.Anova?.DegreesOfFreedomBetween), CsvText.Number(t.Anova?.DegreesOfFreedomWithin), CsvText.Number(t.Anova?.P),
                    CsvText.Number(t.Welch?.F), CsvText.Number(t.Welch?.DegreesOfFreedomBetween), CsvText.Number(t.Welch?.DegreesOfFreedomWithin), CsvText.Number(t.Welch?.P),
                    CsvText.Number(t.KruskalWallis?.H), CsvText.Number(t.KruskalWallis?.DegreesOfFreedom), CsvText.Number(t.KruskalWallis?.P),
                    CsvText.Number(t.Anova?.EtaSquared), CsvText.Number(t.Anova?.OmegaSquared), CsvText.Text(string.Join(" ", t.Notes))]);
            }
        }

        return csv;
    }

    public static ReportTable Groups(IReadOnlyList<ExploredScore> explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        var csv = new ReportTable(GroupsHeader);
        foreach (var score in explored)
        {
            foreach (var attribute in score.Attributes)
            {
                foreach (var g in attribute.Groups)
                {
                    var s = g.Statistics;
                    var interval = s.ToSummary().MeanInterval();
                    csv.Row([.. Key(score), CsvText.Text(attribute.Attribute), CsvText.Text(s.Name), CsvText.Number(s.N), CsvText.Number(s.Mean),
                        CsvText.Number(interval?.Lower), CsvText.Number(interval?.Upper), CsvText.Number(Math.Sqrt(s.Variance)),
                        CsvText.Number(g.LowerQuartile), CsvText.Number(g.Median), CsvText.Number(g.UpperQuartile)]);
                }
            }
        }

        return csv;
    }

    public static ReportTable Pairs(IReadOnlyList<ExploredScore> explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        var csv = new ReportTable(PairsHeader);
        foreach (var score in explored)
        {
            foreach (var t in score.Tests.Where(t => t.Groups.Count <= PairedGroups))
            {
                foreach (var p in t.Pairs)
                {
                    csv.Row([.. Key(score), CsvText.Text(t.Attribute), CsvText.Text(p.Group), CsvText.Text(p.Other), CsvText.Number(p.GroupStudents), CsvText.Number(p.OtherStudents),
                        CsvText.Number(p.GroupMean), CsvText.Number(p.OtherMean), CsvText.Number(p.Difference), CsvText.Number(p.Lower), CsvText.Number(p.Upper),
                        CsvText.Number(p.T), CsvText.Number(p.DegreesOfFreedom), CsvText.Number(p.P), CsvText.Number(p.Q),
                        CsvText.Number(p.HedgesG), CsvText.Number(p.HedgesGLower), CsvText.Number(p.HedgesGUpper)]);
                }
            }
        }

        return csv;
    }

    /// <summary>The ranking as bars: omega² per attribute with the interval of eta², largest first.</summary>
    public static BarChart RankingFigure(ExploredScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var ranked = score.Ranking.Where(a => a.OmegaSquared is not null).ToList();
        var text = new FigureText($"What matters most for {ExploreStudyReport.Describe(score.Score)}", "Attribute (largest effect first)", "Share of the score's variance (omega², 0 to 1)",
            "omega² per attribute; bars' intervals: eta² 95% (noncentral F); tests Welch's ANOVA with Benjamini-Hochberg across attributes.");
        return new BarChart(text, [.. ranked.Select(a => new BarValue(a.Attribute, "omega²", a.OmegaSquared!.Value, a.Lower, a.Upper))]);
    }

    /// <summary>The groups of the highest-ranked attribute with few enough groups to draw, as boxes; null when none.</summary>
    public static BoxChart? TopGroupsFigure(ExploredScore score, int minimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(score);
        var top = score.Ranking.Where(a => a.Rank > 0)
            .Select(a => score.Attributes.First(x => x.Attribute == a.Attribute))
            .FirstOrDefault(a => a.Groups.Count is > 1 and <= GroupsDrawn && a.Groups.All(g => g.Median is not null));
        if (top is null)
        {
            return null;
        }

        var tests = score.Tests.First(t => t.Attribute == top.Attribute);
        var welch = tests.Welch is { } w ? $"Welch's ANOVA F = {w.F:0.##}, {(w.P < 0.0001 ? "p < 0.0001" : $"p = {w.P:0.####}")}" : "no Welch test";
        var text = new FigureText($"{ExploreStudyReport.Describe(score.Score)} by {top.Attribute}", top.Attribute, $"Score ({score.Unit})",
            $"Quartiles type 7; diamonds: means; {welch}; omega² = {tests.Anova?.OmegaSquared:0.###}; groups under {minimumGroupSize} students suppressed.");
        return new BoxChart(text, [.. top.Groups.Select(g => new BoxGroup(g.Statistics.Name, g.Statistics.N, g.LowerQuartile!.Value, g.Median!.Value, g.UpperQuartile!.Value, Mean: g.Statistics.Mean))]);
    }

    private static IEnumerable<string> Key(ExploredScore score) =>
        [CsvText.Text(score.Score.Subject), CsvText.Text(score.Score.Series), CsvText.Text(score.Score.Domain ?? "")];
}
