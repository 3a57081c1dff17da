using System.Globalization;
using GradeLens.Core.Explore;
using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Tests.Reports;

public sealed class ExploreReportTests(DemoReportStore demo) : IClassFixture<DemoReportStore>
{
    [Fact]
    public async Task The_explore_tables_have_the_explore_pages_schemas_with_the_domain_and_a_tests_table()
    {
        await using var copy = await demo.OpenCopyAsync();
        await copy.WriteAsync("explore");

        Assert.Equal(["subject", "series", "domain", "rank", "attribute", "students", "groups", "omega_squared", "eta_squared", "eta_squared_lower", "eta_squared_upper", "p_welch", "q", "reason"],
            copy.HeaderOf("explore/explore_ranking.csv"));
        Assert.Equal(ExploreCsv.GroupHeader, copy.HeaderOf("explore/explore_groups.csv"));
        Assert.Equal(["subject", "series", "domain", "attribute", "group", "other", "group_students", "other_students", "difference", "lower", "upper", "t", "df", "p", "q", "hedges_g"],
            copy.HeaderOf("explore/explore_pairs.csv"));
        Assert.Equal(["subject", "series", "domain", "attribute", "students", "groups", "suppressed_groups", "anova_f", "anova_df_between", "anova_df_within", "anova_p",
            "welch_f", "welch_df_between", "welch_df_within", "welch_p", "kruskal_h", "kruskal_df", "kruskal_p", "eta_squared", "omega_squared",
            "ordered_levels", "trend_per_level", "trend_lower", "trend_upper", "trend_p", "notes"], copy.HeaderOf("explore/explore_tests.csv"));
    }

    [Fact]
    public async Task The_ranking_figure_groups_and_tests_equal_the_explore_pages_answers()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("explore");
        var score = new ExploreScore("Math", "Spring 2026", "Numbers");
        var ranking = await copy.Store.GetExploreRankingAsync(Scope.Everything, score);
        var gender = await copy.Store.GetExploreAsync(Scope.Everything, new ExploreRequest(score, "gender"));

        var bars = (BarChart)summary.Files.Single(f => f.Path == "explore/ranking_math_spring_2026_numbers.png").Figure!;
        var ranked = ranking.Attributes.Where(a => a.OmegaSquared is not null).ToList();
        Assert.True(ranked.Count >= 4);
        Assert.Equal(ranked.Select(a => (a.Attribute, a.OmegaSquared!.Value, a.Lower, a.Upper)), bars.Bars.Select(b => (b.Category, b.Value, b.Lower, b.Upper)));

        var rows = File.ReadLines(Path.Combine(copy.ReportDirectory, "explore/explore_tests.csv")).Select(l => l.Split(',')).ToList();
        var row = rows.Single(f => f[0] == "Math" && f[2] == "Numbers" && f[3] == "gender");
        Assert.Equal(gender.Tests.Welch!.F, double.Parse(row[11], CultureInfo.InvariantCulture));
        Assert.Equal(gender.Tests.KruskalWallis!.H, double.Parse(row[15], CultureInfo.InvariantCulture));
        var groups = File.ReadLines(Path.Combine(copy.ReportDirectory, "explore/explore_groups.csv")).Select(l => l.Split(','))
            .Where(f => f[0] == "Math" && f[2] == "Numbers" && f[3] == "gender").ToList();
        Assert.Equal(gender.Groups.Select(g => (g.Name, g.Mean, g.Lower)),
            groups.Select(f => (f[4], double.Parse(f[6], CultureInfo.InvariantCulture), (double?)double.Parse(f[7], CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task The_report_explores_the_latest_series_of_every_subject_whole_and_by_domain()
    {
        await using var copy = await demo.OpenCopyAsync();

        var scores = await ExploreStudyReport.ScoresAsync(copy.Store, Scope.Everything);

        Assert.Contains(new ExploreScore("Mathematics", "Final"), scores);
        Assert.Contains(new ExploreScore("Arabic", "Spring 2026", "فهم المقروء"), scores);
        Assert.DoesNotContain(scores, s => s.Series is "Mock 1" or "Mock 2");
    }
}
