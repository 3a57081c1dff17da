using GradeLens.Core.Explore;

namespace GradeLens.Core.Tests.Explore;

public sealed class AttributeRankingTests
{
    /// <summary>
    /// The maths ranking: attribute, omega squared (reference.json) and the Benjamini-Hochberg q of the Welch ANOVA p-values
    /// over the five attributes, from Debian's /usr/bin/python3, statsmodels 0.13.5:
    /// <c>multipletests([t["welch_anova"]["p"] for t in reference explore.tests if t["subject"] == "math score"], method="fdr_bh")[1]</c>,
    /// sorted by omega squared, largest first.
    /// </summary>
    private static readonly (string Attribute, double OmegaSquared, double Q)[] Maths =
    [
        ("lunch", 0.12212847024745309, 2.7697924719841397e-27),
        ("race/ethnicity", 0.051571322141083197, 6.094439925530455e-10),
        ("test preparation course", 0.030578133163860273, 1.737602787012021e-08),
        ("gender", 0.027217800117768403, 1.0526047636367731e-07),
        ("parental level of education", 0.026866193470237717, 8.791870367705443e-06),
    ];

    [Fact]
    public void Maths_ranks_every_attribute_by_omega_squared_with_intervals_and_q_values_over_the_attributes()
    {
        var data = StudentsPerformanceData.Read();
        var reference = ExploreReference.Tests().Where(t => t.Subject == "math score").ToDictionary(t => t.Attribute, t => t.Entry);
        var tests = reference.Keys.Select(a =>
        {
            var (groups, ties) = data.Groups(a, "math score");
            return AttributeTests.Compute(a, groups, ties);
        }).ToList();

        var ranking = AttributeRanking.Rank(tests);

        Assert.Equal(Maths.Select(m => m.Attribute), ranking.Select(r => r.Attribute));
        Assert.Equal([1, 2, 3, 4, 5], ranking.Select(r => r.Rank));
        foreach (var (expected, effect) in Maths.Zip(ranking))
        {
            var entry = reference[effect.Attribute];
            ExploreReference.Close(expected.OmegaSquared, effect.OmegaSquared, effect.Attribute + " omega squared");
            ExploreReference.Close(entry.Number("eta_squared"), effect.EtaSquared, effect.Attribute + " eta squared");
            ExploreReference.CloseRelative(entry.Number("welch_anova.p"), effect.P, effect.Attribute + " p");
            ExploreReference.CloseRelative(expected.Q, effect.Q, effect.Attribute + " q");
            Assert.Equal(1000, effect.Students);
            Assert.Equal(entry.GetProperty("groups").GetArrayLength(), effect.Groups);
            Assert.True(effect.Lower < effect.EtaSquared && effect.EtaSquared < effect.Upper, effect.Attribute);
            Assert.Null(effect.Reason);
        }
    }

    [Fact]
    public void An_attribute_without_a_test_is_listed_last_unranked_with_its_reason()
    {
        var data = StudentsPerformanceData.Read();
        var (groups, ties) = data.Groups("gender", "math score");
        var gender = AttributeTests.Compute("gender", groups, ties);
        var single = AttributeTests.Compute("school", [new GroupStatistics("S1", 1000, 66, 229)], null);

        var ranking = AttributeRanking.Rank([single, gender]);

        Assert.Equal(["gender", "school"], ranking.Select(r => r.Attribute));
        Assert.Equal((0, null, null), (ranking[1].Rank, ranking[1].OmegaSquared, ranking[1].Q));
        Assert.Contains("two groups", ranking[1].Reason);
        Assert.Equal(gender.Welch!.P, ranking[0].Q);
    }

    [Fact]
    public void Attribute_tests_bring_the_overall_tests_the_interval_and_the_pairs_together()
    {
        var (groups, ties) = StudentsPerformanceData.Read().Groups("race/ethnicity", "reading score");
        var entry = ExploreReference.Tests().Single(t => t.Attribute == "race/ethnicity" && t.Subject == "reading score").Entry;

        var tests = AttributeTests.Compute("race/ethnicity", groups, ties);
        var withoutRanks = AttributeTests.Compute("race/ethnicity", groups, null);

        ExploreReference.Close(entry.Number("kruskal.h"), tests.KruskalWallis?.H, "H");
        ExploreReference.Close(entry.Number("welch_anova.f"), tests.Welch?.F, "Welch F");
        Assert.Equal(10, tests.Pairs.Count);
        Assert.Empty(tests.Notes);
        Assert.NotNull(tests.EffectSize);
        Assert.Null(withoutRanks.KruskalWallis);
        Assert.Equal(["The Kruskal-Wallis test needs the scores' ranks."], withoutRanks.Notes);
    }

    [Fact]
    public void Every_result_serialises_to_json_without_a_nan_or_infinity_even_for_degenerate_groups()
    {
        var (groups, ties) = StudentsPerformanceData.Read().Groups("parental level of education", "math score");
        GroupStatistics[] degenerate = [new("a", 1, 50, 0, 2), new("b", 0, 0, 0, 0), new("c", 2, 50, 0, 4)];
        var tests = new[] { AttributeTests.Compute("education", groups, ties), AttributeTests.Compute("odd", degenerate, 24), AttributeTests.Compute("none", [], null) };

        // System.Text.Json's defaults throw on NaN and infinities.
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            tests,
            ranking = AttributeRanking.Rank(tests),
            trend = TrendTest.Compute(groups, LevelOrder.Of(groups.Select(g => g.Name))),
            heatmap = Heatmap.Compute("a", "b", [new CellScores("x", "y", 3, 50, 0, null, null, null)], 10),
        });

        Assert.Contains("\"ChangePerLevel\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }
}
