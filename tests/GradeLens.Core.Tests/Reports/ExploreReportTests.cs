using System.Globalization;
using GradeLens.Core.Explore;
using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Tests.Reports;

public sealed class ExploreReportTests(DemoReportStore demo) : IClassFixture<DemoReportStore>
{
    [Fact]
    public async Task The_explore_tables_have_their_golden_headers()
    {
        await using var copy = await demo.OpenCopyAsync();
        await copy.WriteAsync("explore");

        string[] key = ["subject", "series", "domain"];
        Assert.Equal([.. key, "rank", "attribute", "students", "groups", "omega_squared", "eta_squared", "eta_squared_lower", "eta_squared_upper", "p_welch", "q", "reason"], copy.HeaderOf("explore/explore_ranking.csv"));
        Assert.Equal([.. key, "attribute", "students", "groups", "anova_f", "anova_df_between", "anova_df_within", "anova_p", "welch_f", "welch_df_between", "welch_df_within", "welch_p",
            "kruskal_h", "kruskal_df", "kruskal_p", "eta_squared", "omega_squared", "notes"], copy.HeaderOf("explore/explore_tests.csv"));
        Assert.Equal([.. key, "attribute", "group", "students", "mean", "mean_lower", "mean_upper", "standard_deviation", "lower_quartile", "median", "upper_quartile"], copy.HeaderOf("explore/explore_groups.csv"));
        Assert.Equal([.. key, "attribute", "group", "other", "group_students", "other_students", "group_mean", "other_mean", "difference", "lower", "upper", "t", "df", "p", "q",
            "hedges_g", "hedges_g_lower", "hedges_g_upper"], copy.HeaderOf("explore/explore_pairs.csv"));
    }

    [Fact]
    public async Task The_ranking_figure_and_tests_equal_the_explore_statistics_of_the_pages_query()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("explore");
        var score = new ExploreScore("Math", "Spring 2026", "Numbers");
        var attributes = await ExploreStudyReport.AttributesAsync(copy.Store, Scope.Everything);
        var tests = new List<AttributeTests>();
        foreach (var attribute in attributes)
        {
            var groups = await copy.Store.ReadAsync((c, sql, t) => ExploreQueries.GroupsAsync(c, sql, Scope.Everything, score, attribute, Scope.DefaultMinimumCellSize, t));
            tests.Add(groups.Tests());
        }

        var ranking = AttributeRanking.Rank(tests).Where(a => a.OmegaSquared is not null).ToList();
        var bars = (BarChart)summary.Files.Single(f => f.Path == "explore/ranking_math_spring_2026_numbers.png").Figure!;
        Assert.Equal("gender", attributes[0]);
        Assert.Contains("lunch", attributes);
        Assert.Equal(["region", "grade_level", "school"], attributes.TakeLast(3));
        // DuckDB's parallel sums may differ in the last bits between two runs of the same query: equal within 1e-12.
        Assert.Equal(ranking.Select(a => a.Attribute), bars.Bars.Select(b => b.Category));
        for (var i = 0; i < ranking.Count; i++)
        {
            Assert.Equal(ranking[i].OmegaSquared!.Value, bars.Bars[i].Value, 1e-12);
            Assert.Equal(ranking[i].Lower!.Value, bars.Bars[i].Lower!.Value, 1e-12);
            Assert.Equal(ranking[i].Upper!.Value, bars.Bars[i].Upper!.Value, 1e-12);
        }

        var gender = tests.Single(t => t.Attribute == "gender");
        var row = File.ReadLines(Path.Combine(copy.ReportDirectory, "explore/explore_tests.csv")).Select(l => l.Split(','))
            .Single(f => f[0] == "Math" && f[2] == "Numbers" && f[3] == "gender");
        Assert.Equal(gender.Welch!.F, double.Parse(row[10], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal(gender.KruskalWallis!.H, double.Parse(row[14], CultureInfo.InvariantCulture), 1e-9);
    }
}
