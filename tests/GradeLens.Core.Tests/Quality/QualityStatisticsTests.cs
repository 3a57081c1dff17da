using GradeLens.Core.Quality;

namespace GradeLens.Core.Tests.Quality;

public sealed class QualityStatisticsTests
{
    [Fact]
    public void Wilson_intervals_match_statsmodels_to_1e_9()
    {
        using var reference = SharedFiles.Reference();
        var cases = reference.RootElement.GetProperty("wilson").EnumerateArray().ToList();
        Assert.Equal(5, cases.Count);
        foreach (var item in cases)
        {
            var passed = item.GetProperty("passed").GetInt64();
            var students = item.GetProperty("students").GetInt64();
            var interval = item.GetProperty("interval");
            var (lower, upper) = WilsonInterval.Of(passed, students);
            Assert.Equal(interval[0].GetDouble(), lower, 1e-9);
            Assert.Equal(interval[1].GetDouble(), upper, 1e-9);
        }
    }

    [Fact]
    public void The_two_proportion_z_test_matches_statsmodels()
    {
        // python3: from statsmodels.stats.proportion import proportions_ztest; import numpy as np
        //          proportions_ztest(np.array([160, 180]), np.array([230, 240]))  ->  (-1.3167081088648402, 0.18793648450149925)
        // statsmodels tests p1 - p2; TwoProportionTest gives the change p2 - p1, so the sign is reversed.
        var (z, p) = TwoProportionTest.Of(160, 230, 180, 240)!.Value;
        Assert.Equal(1.3167081088648402, z, 1e-12);
        Assert.Equal(0.18793648450149925, p, 1e-12);
        Assert.Null(TwoProportionTest.Of(30, 30, 40, 40));
        Assert.Null(TwoProportionTest.Of(0, 0, 4, 40));
    }

    [Fact]
    public void A_denominator_of_22_is_low_with_no_count_rate_or_interval_and_23_is_published()
    {
        var rule = new SuppressionRule();
        var low = ProportionEstimate.From(20, 22, rule, 0.95);
        Assert.True(low.Suppressed);
        Assert.Equal(22, low.Of);
        Assert.Null(low.Count);
        Assert.Null(low.Value);
        Assert.Null(low.Lower);
        Assert.Null(low.Upper);

        var shown = ProportionEstimate.From(20, 23, rule, 0.95);
        Assert.False(shown.Suppressed);
        Assert.Equal(20, shown.Count);
        Assert.Equal(20.0 / 23, shown.Value);
        Assert.Equal((0.6787251772990404, 0.9546234090636876), (shown.Lower!.Value, shown.Upper!.Value), new Within(1e-9));
        Assert.True(ProportionEstimate.From(0, 0, rule, 0.95).Suppressed);
    }

    [Fact]
    public void Release_mode_rounds_counts_to_the_nearest_five_and_leaves_them_alone_otherwise()
    {
        var release = new SuppressionRule(Release: true);
        Assert.Equal([0, 0, 0, 5, 5, 5, 20, 25, 25, 230], new long[] { 0, 1, 2, 3, 4, 5, 22, 23, 27, 232 }.Select(release.Publish));
        Assert.Equal(22, new SuppressionRule().Publish(22));
        var estimate = ProportionEstimate.From(37, 48, release, 0.95);
        Assert.Equal((35L, 50L), (estimate.Count!.Value, estimate.Of));
        Assert.Equal(37.0 / 48, estimate.Value);
    }

    [Fact]
    public void The_mark_rule_says_how_it_counts()
    {
        Assert.Equal("pass = a student's mean mark over a module's assessments ≥ 50; an assessment without a mark is left out (a student with no mark at all is not counted)",
            new MarkRule().Describe());
        Assert.Contains("weighted mean (by assessment weights)", new MarkRule(Weighted: true).Describe(), StringComparison.Ordinal);
        Assert.Contains("counts as 0", new MarkRule(MissingSubmission: MissingSubmission.CountedAsZero).Describe(), StringComparison.Ordinal);
    }

    private sealed class Within(double tolerance) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance;

        public int GetHashCode((double, double) obj) => 0;
    }
}
