using GradeLens.Core.Explore;

namespace GradeLens.Core.Tests.Explore;

public sealed class PairwiseComparisonTests
{
    /// <summary>
    /// race/ethnicity x math score, every pair: group, other, difference, 95% interval, t, df, p, q. Made by Debian's
    /// /usr/bin/python3 (scipy 1.10.1, statsmodels 0.13.5):
    /// <code>
    /// df = pd.read_csv(".../StudentsPerformance.csv", encoding="utf-8-sig")
    /// g = {k: v["math score"].astype(float).to_numpy() for k, v in sorted(df.groupby("race/ethnicity"))}
    /// for a, b in itertools.combinations(sorted(g), 2):
    ///     x, y = g[a], g[b]; t, p = stats.ttest_ind(x, y, equal_var=False)
    ///     va, vb = x.var(ddof=1)/len(x), y.var(ddof=1)/len(y); dfw = (va+vb)**2/(va**2/(len(x)-1)+vb**2/(len(y)-1))
    ///     half = stats.t.ppf(0.975, dfw)*np.sqrt(va+vb); d = x.mean()-y.mean()   # (d, d-half, d+half, t, dfw, p)
    /// q = multipletests([p of each pair], method="fdr_bh")[1]
    /// </code>
    /// </summary>
    private static readonly (string Group, string Other, double Difference, double Lower, double Upper, double T, double Df, double P, double Q)[] Expected =
    [
        ("group A", "group B", -1.8234180958013013, -5.58215496918111, 1.9353187775785066, -0.9571581345265558, 182.39112015350443, 0.3397544306331377, 0.37750492292570853),
        ("group A", "group C", -2.834736360114114, -6.293231845041541, 0.6237591248133132, -1.620139293831471, 143.47052404888288, 0.1073983041618127, 0.13424788020226586),
        ("group A", "group D", -5.733381936701257, -9.20957837752914, -2.2571854958733715, -3.25975537990377, 145.37735323303443, 0.0013888043885143672, 0.0027776087770287343),
        ("group A", "group E", -12.192215088282502, -16.182257049534996, -8.202173127030008, -6.026063624200208, 196.68900110649108, 8.143027574026141e-09, 2.7143425246753803e-08),
        ("group B", "group C", -1.0113182643128127, -3.757482867868247, 1.7348463392426217, -0.7240658814160719, 384.6360675441415, 0.46946544552137537, 0.46946544552137537),
        ("group B", "group D", -3.9099638408999553, -6.678783794684283, -1.1411438871156276, -2.776631050572794, 378.1932771775053, 0.005765787786512444, 0.009609646310854075),
        ("group B", "group E", -10.368796992481201, -13.767656759067968, -6.969937225894434, -6.003507072446822, 298.9444357005018, 5.58736741070557e-09, 2.7143425246753803e-08),
        ("group C", "group D", -2.8986455765871426, -5.235209955621292, -0.5620811975529936, -2.436619517394303, 570.546280013988, 0.015129996644802938, 0.021614280921147058),
        ("group C", "group E", -9.357478728168388, -12.417973540501714, -6.296983915835062, -6.0211807030139735, 254.96941868946038, 6.007260063761436e-09, 2.7143425246753803e-08),
        ("group D", "group E", -6.458833151581246, -9.539535064985191, -3.3781312381772994, -4.128660450530796, 256.16678868993256, 4.9408649489329904e-05, 0.00012352162372332475),
    ];

    [Fact]
    public void Every_pair_of_ethnic_groups_matches_scipy_welch_tests_with_benjamini_hochberg()
    {
        var groups = StudentsPerformanceData.Read().Groups("race/ethnicity", "math score").Groups;

        var pairs = PairwiseComparisons.Compute(groups);

        Assert.Equal(Expected.Select(e => (e.Group, e.Other)), pairs.Select(p => (p.Group, p.Other)));
        foreach (var (e, p) in Expected.Zip(pairs))
        {
            var name = $"{p.Group} - {p.Other}";
            ExploreReference.Close(e.Difference, p.Difference, name + " difference");
            ExploreReference.Close(e.Lower, p.Lower, name + " lower");
            ExploreReference.Close(e.Upper, p.Upper, name + " upper");
            ExploreReference.Close(e.T, p.T, name + " t");
            ExploreReference.Close(e.Df, p.DegreesOfFreedom, name + " df");
            ExploreReference.CloseRelative(e.P, p.P, name + " p");
            ExploreReference.CloseRelative(e.Q, p.Q, name + " q");
        }
    }

    [Fact]
    public void Hedges_g_of_female_against_male_in_maths_matches_the_reference()
    {
        using var reference = SharedFiles.Reference();
        var gap = reference.RootElement.GetProperty("exams").GetProperty("gaps").EnumerateArray()
            .Single(g => g.GetProperty("attribute").GetString() == "gender" && g.GetProperty("subject").GetString() == "math score");
        var groups = StudentsPerformanceData.Read().Groups("gender", "math score").Groups;

        var pair = Assert.Single(PairwiseComparisons.Compute(groups));

        Assert.Equal(("female", "male"), (pair.Group, pair.Other));
        ExploreReference.Close(gap.GetProperty("welch").Number("hedges_g"), pair.HedgesG, "Hedges' g");
        Assert.True(pair.HedgesGLower < pair.HedgesG && pair.HedgesG < pair.HedgesGUpper);
    }

    [Fact]
    public void A_pair_without_a_test_has_no_interval_and_takes_no_part_in_the_q_values()
    {
        GroupStatistics[] groups = [new("a", 1, 50, 0), new("b", 20, 60, 100), new("c", 20, 70, 100)];

        var pairs = PairwiseComparisons.Compute(groups);

        Assert.Equal(3, pairs.Count);
        Assert.All(pairs.Where(p => p.Group == "a"), p => Assert.True(p.P is null && p.Q is null && p.Lower is null && p.HedgesG is null));
        var tested = Assert.Single(pairs, p => p.P is not null);
        Assert.Equal(tested.P, tested.Q);
        Assert.Equal(-10, tested.Difference, 12);
    }
}
