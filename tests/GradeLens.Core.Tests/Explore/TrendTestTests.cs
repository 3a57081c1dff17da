using GradeLens.Core.Explore;

namespace GradeLens.Core.Tests.Explore;

public sealed class TrendTestTests
{
    [Fact]
    public void The_trend_across_parental_education_in_maths_matches_statsmodels_hc2_and_satterthwaite_by_hand()
    {
        // Debian's /usr/bin/python3, statsmodels 0.13.5, scipy 1.10.1, levels in LevelOrder's order, c = arange(6) - 2.5:
        //   fit = sm.OLS(y, pd.get_dummies(df["parental level of education"])[levels].astype(float)).fit(cov_type="HC2")
        //   test = fit.t_test(c); estimate, se = test.effect[0], test.sd[0][0]     # HC2 in the cell-means model is s^2/n per mean
        //   v = [c[i]**2 * g[i].var(ddof=1) / len(g[i])]; dfs = sum(v)**2 / sum(v[i]**2 / (len(g[i]) - 1))
        //   slope = estimate / sum(c**2); p = 2 * stats.t.sf(abs(estimate / se), dfs); slope -+ stats.t.ppf(0.975, dfs) * se / sum(c**2)
        const double slope = 1.5358163016536714, se = 0.3629962263928906, df = 150.36649110725313, t = 4.230942885867287;
        const double p = 4.029601481642547e-05, lower = 0.8185843387989421, upper = 2.2530482645084007;
        var groups = StudentsPerformanceData.Read().Groups("parental level of education", "math score").Groups;
        var ordering = LevelOrder.Of(groups.Select(g => g.Name));

        var trend = TrendTest.Compute(groups, ordering);

        Assert.NotNull(trend);
        Assert.Equal(["some high school", "high school", "some college", "associate's degree", "bachelor's degree", "master's degree"], trend.Levels);
        ExploreReference.Close(slope, trend.ChangePerLevel, "change per level");
        ExploreReference.Close(se, trend.StandardError, "standard error");
        ExploreReference.Close(df, trend.DegreesOfFreedom, "degrees of freedom");
        ExploreReference.Close(t, trend.T, "t");
        ExploreReference.CloseRelative(p, trend.P, "p");
        ExploreReference.Close(lower, trend.Lower, "lower");
        ExploreReference.Close(upper, trend.Upper, "upper");
    }

    [Fact]
    public void With_two_levels_the_trend_is_welchs_t_test_of_the_difference()
    {
        GroupStatistics low = new("low", 30, 50, 100), high = new("high", 40, 58, 144);
        var welch = Core.Gaps.WelchTest.Compute(high.ToSummary(), low.ToSummary())!;

        var trend = TrendTest.Compute([low, high]);

        Assert.NotNull(trend);
        Assert.Equal(8, trend.ChangePerLevel, 12);
        Assert.Equal(welch.T, trend.T, 12);
        Assert.Equal(welch.DegreesOfFreedom, trend.DegreesOfFreedom, 9);
        Assert.Equal(welch.P, trend.P, 12);
    }

    [Fact]
    public void No_trend_for_unordered_levels_a_missing_level_or_a_group_of_one()
    {
        GroupStatistics[] groups = [new("female", 30, 50, 100), new("male", 40, 58, 144)];
        Assert.Null(TrendTest.Compute(groups, LevelOrder.Of(["female", "male"])));
        Assert.Null(TrendTest.Compute([new("low", 30, 50, 100), new("high", 40, 58, 144)], LevelOrder.Of(["low", "medium", "high"])));
        Assert.Null(TrendTest.Compute([new("low", 1, 50, 0), new("high", 40, 58, 144)]));
        Assert.Null(TrendTest.Compute([new("low", 5, 50, 0), new("high", 5, 58, 0)]));
    }
}
