using GradeLens.Core.Exports;
using GradeLens.Core.Explore;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Reports;

/// <summary>The explore report's tables (explore_ranking, explore_tests, explore_groups, explore_pairs) and its figures.</summary>
public static class ExploreTables
{
    /// <summary>Most groups a box-plot figure draws (the rest stay in the tables).</summary>
    public const int GroupsDrawn = 24;

    public const string RankingMethod = "omega² (variance between the groups, corrected for chance) ranks the attributes; eta² with its 95% interval by inverting the noncentral F; p from Welch's ANOVA, q Benjamini-Hochberg over the score's attributes (the Explore page's ranking).";

    public const string TestsMethod = "One-way ANOVA (equal variances), Welch's ANOVA (unequal variances) and Kruskal-Wallis (ranks, ties corrected), with eta² and omega², and the linear trend of ordered levels; a test that cannot be trusted is blank and its reason in notes.";

    public const string PairsMethod = "Every pair of shown groups: difference of means with Welch's 95% interval and test, q Benjamini-Hochberg over the attribute's pairs, Hedges' g.";

    /// <summary>The Explore page's ranking schema (<see cref="ExploreCsv.RankingHeader"/>) with the domain, which the page's one-score file does not need.</summary>
    public static IReadOnlyList<string> RankingHeader { get; } = WithDomain(ExploreCsv.RankingHeader);

    public static IReadOnlyList<string> TestsHeader { get; } =
    [
        "subject", "series", "domain", "attribute", "students", "groups", "suppressed_groups", "anova_f", "anova_df_between", "anova_df_within", "anova_p",
        "welch_f", "welch_df_between", "welch_df_within", "welch_p", "kruskal_h", "kruskal_df", "kruskal_p", "eta_squared", "omega_squared",
        "ordered_levels", "trend_per_level", "trend_lower", "trend_upper", "trend_p", "notes",
    ];

    /// <summary>The Explore page's groups schema, as it is (it names the domain).</summary>
    public static IReadOnlyList<string> GroupsHeader { get; } = ExploreCsv.GroupHeader;

    /// <summary>The Explore page's pairs schema (<see cref="ExploreCsv.PairHeader"/>) with the domain.</summary>
    public static IReadOnlyList<string> PairsHeader { get; } = WithDomain(ExploreCsv.PairHeader);

    public static string GroupsMethod(int min) => $"Groups under {min} students left out before any test (a lone hidden group takes the next smallest with it); mean with Student's t 95% interval; quartiles type 7.";

    public static ReportTable Ranking(IReadOnlyList<ExploredScore> explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        var csv = new ReportTable(RankingHeader);
        foreach (var score in explored)
        {
            foreach (var a in score.Ranking.Attributes)
            {
                csv.Row([.. Key(score.Score), CsvText.Number(a.Rank), CsvText.Text(a.Attribute), CsvText.Number(a.Students), CsvText.Number(a.Groups), CsvText.Number(a.OmegaSquared),
                    CsvText.Number(a.EtaSquared), CsvText.Number(a.Lower), CsvText.Number(a.Upper), CsvText.Number(a.P), CsvText.Number(a.Q), CsvText.Text(a.Reason)]);
            }
        }

        return csv;
    }

    public static ReportTable Tests(IReadOnlyList<ExploredScore> explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        var csv = new ReportTable(TestsHeader);
        foreach (var view in explored.SelectMany(e => e.Views))
        {
            var t = view.Tests;
            csv.Row([.. Key(view.Score), CsvText.Text(view.Attribute), CsvText.Number(t.Students), CsvText.Number(t.Groups.Count), CsvText.Number(view.SuppressedGroups),
                CsvText.Number(t.Anova?.F), CsvText.Number(t.Anova?.DegreesOfFreedomBetween), CsvText.Number(t.Anova?.DegreesOfFreedomWithin), CsvText.Number(t.Anova?.P),
                CsvText.Number(t.Welch?.F), CsvText.Number(t.Welch?.DegreesOfFreedomBetween), CsvText.Number(t.Welch?.DegreesOfFreedomWithin), CsvText.Number(t.Welch?.P),
                CsvText.Number(t.KruskalWallis?.H), CsvText.Number(t.KruskalWallis?.DegreesOfFreedom), CsvText.Number(t.KruskalWallis?.P),
                CsvText.Number(t.Anova?.EtaSquared), CsvText.Number(t.Anova?.OmegaSquared), CsvText.Flag(view.Ordering.Ordered),
                CsvText.Number(view.Trend?.ChangePerLevel), CsvText.Number(view.Trend?.Lower), CsvText.Number(view.Trend?.Upper), CsvText.Number(view.Trend?.P),
                CsvText.Text(string.Join(" ", t.Notes))]);
        }

        return csv;
    }

    public static ReportTable Groups(IReadOnlyList<ExploredScore> explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        var csv = new ReportTable(GroupsHeader);
        foreach (var view in explored.SelectMany(e => e.Views))
        {
            foreach (var g in view.Groups)
            {
                csv.Row([.. Key(view.Score), CsvText.Text(view.Attribute), CsvText.Text(g.Name), CsvText.Number(g.Students), CsvText.Number(g.Mean),
                    CsvText.Number(g.Lower), CsvText.Number(g.Upper), CsvText.Number(g.StandardDeviation),
                    CsvText.Number(g.LowerQuartile), CsvText.Number(g.Median), CsvText.Number(g.UpperQuartile)]);
            }
        }

        return csv;
    }

    public static ReportTable Pairs(IReadOnlyList<ExploredScore> explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        var csv = new ReportTable(PairsHeader);
        foreach (var view in explored.SelectMany(e => e.Views))
        {
            foreach (var p in view.Tests.Pairs)
            {
                csv.Row([.. Key(view.Score), CsvText.Text(view.Attribute), CsvText.Text(p.Group), CsvText.Text(p.Other), CsvText.Number(p.GroupStudents), CsvText.Number(p.OtherStudents),
                    CsvText.Number(p.Difference), CsvText.Number(p.Lower), CsvText.Number(p.Upper), CsvText.Number(p.T), CsvText.Number(p.DegreesOfFreedom),
                    CsvText.Number(p.P), CsvText.Number(p.Q), CsvText.Number(p.HedgesG)]);
            }
        }

        return csv;
    }

    /// <summary>The page's ranking as bars: omega² per attribute with the interval of eta², largest first.</summary>
    public static BarChart RankingFigure(ExploredScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var ranked = score.Ranking.Attributes.Where(a => a.OmegaSquared is not null).ToList();
        var text = new FigureText($"What matters most for {ExploreStudyReport.Describe(score.Score)}", "Attribute (largest effect first)", "Share of the score's variance (omega², 0 to 1)",
            $"omega² per attribute; intervals: eta² 95% (noncentral F); Welch's ANOVA with Benjamini-Hochberg across attributes; groups under {score.Ranking.MinimumCellSize} left out.");
        return new BarChart(text, [.. ranked.Select(a => new BarValue(a.Attribute, "omega²", a.OmegaSquared!.Value, a.Lower, a.Upper))]);
    }

    /// <summary>The groups of the highest-ranked attribute with few enough groups to draw, as boxes; null when none.</summary>
    public static BoxChart? TopGroupsFigure(ExploredScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var top = score.Ranking.Attributes.Where(a => a.Rank > 0)
            .Select(a => score.Views.First(v => v.Attribute == a.Attribute))
            .FirstOrDefault(v => v.Groups.Count is > 1 and <= GroupsDrawn && v.Groups.All(g => g.Median is not null));
        if (top is null)
        {
            return null;
        }

        var welch = top.Tests.Welch is { } w ? $"Welch's ANOVA F = {w.F:0.##}, {(w.P < 0.0001 ? "p < 0.0001" : $"p = {w.P:0.####}")}" : "no Welch test";
        var text = new FigureText($"{ExploreStudyReport.Describe(score.Score)} by {top.Attribute}", top.Attribute, $"Score ({score.Unit})",
            $"Quartiles type 7; diamonds: means; {welch}; omega² = {top.Tests.Anova?.OmegaSquared:0.###}; groups under {top.MinimumCellSize} students suppressed.");
        return new BoxChart(text, [.. top.Groups.Select(g => new BoxGroup(g.Name, g.Students, g.LowerQuartile!.Value, g.Median!.Value, g.UpperQuartile!.Value, Mean: g.Mean))]);
    }

    private static IReadOnlyList<string> WithDomain(IReadOnlyList<string> header) =>
        header.Contains("domain") ? header : [.. header.Take(2), "domain", .. header.Skip(2)];

    private static IEnumerable<string> Key(ExploreScore score) =>
        [CsvText.Text(score.Subject), CsvText.Text(score.Series), CsvText.Text(score.Domain ?? "")];
}
