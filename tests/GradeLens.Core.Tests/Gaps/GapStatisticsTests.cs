using GradeLens.Core.Gaps;
using static GradeLens.Core.Tests.Gaps.ReferenceGaps;

namespace GradeLens.Core.Tests.Gaps;

/// <summary>Each statistic against scipy and statsmodels on StudentsPerformance.csv, to a relative 1e-6.</summary>
public sealed class GapStatisticsTests
{
    public static TheoryData<int> Gaps => Indexes();

    [Theory]
    [MemberData(nameof(Gaps))]
    public void Group_counts_means_and_sds_match_the_reference(int index)
    {
        var (a, b) = Groups(index);
        var want = Gap(index).GetProperty("welch");

        Assert.Equal(want.GetProperty("n_a").GetInt64(), a.N);
        Assert.Equal(want.GetProperty("n_b").GetInt64(), b.N);
        Close(want.GetProperty("mean_a").GetDouble(), a.Mean, "mean_a");
        Close(want.GetProperty("mean_b").GetDouble(), b.Mean, "mean_b");
        Close(want.GetProperty("sd_a").GetDouble(), a.StandardDeviation, "sd_a");
        Close(want.GetProperty("sd_b").GetDouble(), b.StandardDeviation, "sd_b");
    }

    [Theory]
    [MemberData(nameof(Gaps))]
    public void Welch_test_matches_scipy_ttest_ind_unequal_variances(int index)
    {
        var (a, b) = Groups(index);
        var want = Gap(index).GetProperty("welch");

        var welch = WelchTest.Compute(a, b);

        Assert.NotNull(welch);
        Close(want.GetProperty("diff").GetDouble(), welch.Difference, "diff");
        Close(want.GetProperty("t").GetDouble(), welch.T, "t");
        Close(want.GetProperty("df").GetDouble(), welch.DegreesOfFreedom, "df");
        Close(want.GetProperty("p").GetDouble(), welch.P, "p");
    }

    [Theory]
    [MemberData(nameof(Gaps))]
    public void Two_proportion_z_test_matches_statsmodels_proportions_ztest(int index)
    {
        var (a, b) = Groups(index);
        var want = Gap(index).GetProperty("below_50");

        var test = ProportionTest.Compute(a, b);

        Assert.NotNull(test);
        Close(want.GetProperty("pct_below_a").GetDouble(), test.PercentBelowA, "pct_below_a");
        Close(want.GetProperty("pct_below_b").GetDouble(), test.PercentBelowB, "pct_below_b");
        Close(want.GetProperty("gap_pp").GetDouble(), test.GapPercentagePoints, "gap_pp");
        Close(want.GetProperty("z").GetDouble(), test.Z, "z");
        Close(want.GetProperty("p").GetDouble(), test.P, "p");
    }

    [Theory]
    [MemberData(nameof(Gaps))]
    public void Hedges_g_matches_the_reference_and_its_interval_is_the_hedges_olkin_one(int index)
    {
        var (a, b) = Groups(index);
        var want = Gap(index).GetProperty("welch").GetProperty("hedges_g").GetDouble();

        var g = HedgesG.Compute(a, b);

        Assert.NotNull(g);
        Close(want, g.G, "hedges_g");
        // SE = sqrt((nA + nB) / (nA nB) + g^2 / (2 (nA + nB))), interval g +- 1.959964 SE.
        double n = a.N + b.N;
        var se = Math.Sqrt(n / (a.N * b.N) + want * want / (2 * n));
        Close(se, g.StandardError, "se");
        Close(want - 1.959963984540054 * se, g.Lower, "lower");
        Close(want + 1.959963984540054 * se, g.Upper, "upper");
    }

    [Fact]
    public void Hedges_g_interval_of_the_female_male_math_gap_is_minus_0_4654_to_minus_0_2155()
    {
        // Worked by hand from the reference: g = -0.340431, n = 518 + 482, SE = sqrt(1000/249676 + 0.115893/2000) = 0.063743;
        // -0.340431 -+ 1.959964 x 0.063743 = -0.465366 and -0.215496.
        var (a, b) = Groups(0);
        var g = HedgesG.Compute(a, b)!;
        Assert.Equal(-0.465366, g.Lower, 1e-5);
        Assert.Equal(-0.215496, g.Upper, 1e-5);
    }

    [Fact]
    public void Benjamini_hochberg_q_values_of_the_nine_welch_tests_match_statsmodels()
    {
        var gaps = ReferenceGaps.Gaps();
        var p = Enumerable.Range(0, 9).Select(i => WelchTest.Compute(Groups(i).A, Groups(i).B)!.P).ToList();

        var q = BenjaminiHochberg.QValues(p);

        for (var i = 0; i < q.Length; i++)
        {
            var welch = gaps[i].GetProperty("welch");
            Close(welch.GetProperty("bh_q").GetDouble(), q[i], $"bh_q[{i}]");
            Assert.Equal(welch.GetProperty("bh_reject_at_0.05").GetBoolean(), q[i] <= 0.05);
        }
    }

    [Fact]
    public void Benjamini_hochberg_reproduces_the_reference_example_exactly()
    {
        using var reference = SharedFiles.Reference();
        var example = reference.RootElement.GetProperty("benjamini_hochberg");
        var p = example.GetProperty("p").EnumerateArray().Select(v => v.GetDouble()).ToList();

        var q = BenjaminiHochberg.QValues(p);

        Assert.Equal(example.GetProperty("q").EnumerateArray().Select(v => v.GetDouble()), q);
        Assert.Equal(example.GetProperty("reject_at_0.05").EnumerateArray().Select(v => v.GetBoolean()), q.Select(v => v <= 0.05));
    }

    [Fact]
    public void Pooling_groups_gives_the_statistics_of_all_their_students()
    {
        // 1, 2, 3 and 10, 20: all five have mean 7.2 and variance 254.8 / 4 = 63.7.
        var left = new GroupSummary(3, 2, 1, 3);
        var right = new GroupSummary(2, 15, 50, 0);

        var all = GroupSummary.Pool([left, right]);

        Assert.Equal(5, all.N);
        Assert.Equal(7.2, all.Mean, 12);
        Assert.Equal(63.7, all.Variance, 12);
        Assert.Equal(3, all.Below);
    }

    [Fact]
    public void Tests_are_undefined_rather_than_infinite_for_a_single_student_or_no_spread()
    {
        var one = new GroupSummary(1, 50, 0, 0);
        var flat = new GroupSummary(12, 50, 0, 0);

        Assert.Null(WelchTest.Compute(one, flat));
        Assert.Null(WelchTest.Compute(flat, flat));
        Assert.Null(HedgesG.Compute(flat, flat));
        Assert.Null(ProportionTest.Compute(flat, flat));
        Assert.Null(new GroupSummary(1, 50, 0, 0).MeanInterval());
    }

    [Fact]
    public void Mean_interval_uses_student_t_with_n_minus_1_degrees_of_freedom()
    {
        // n = 10, mean 60, sd 10: t(0.975, 9) = 2.262157, half width 2.262157 * 10 / sqrt(10) = 7.153569.
        var interval = new GroupSummary(10, 60, 100, 2).MeanInterval()!.Value;
        Assert.Equal(52.846431, interval.Lower, 5);
        Assert.Equal(67.153569, interval.Upper, 5);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(101.5)]
    [InlineData(1000)]
    [InlineData(999_999)]
    public void The_t_quantile_expansion_for_many_degrees_of_freedom_agrees_with_root_finding(double df)
    {
        // MathNet finds the root to about 1e-10; the expansion is closer than that from 100 degrees of freedom.
        Assert.Equal(MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 0.975), GroupSummary.T975(df), 1e-9);
    }
}
