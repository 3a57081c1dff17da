using GradeLens.Core.Explore;

namespace GradeLens.Core.Tests.Explore;

/// <summary>The overall tests from sufficient statistics computed here from the CSV, against scipy and statsmodels on all 15 attribute x subject pairs.</summary>
public sealed class AnovaReferenceTests
{
    private static readonly StudentsPerformanceData Data = StudentsPerformanceData.Read();

    [Fact]
    public void The_reference_has_every_attribute_and_subject_of_the_exam_file()
    {
        Assert.Equal(15, ExploreReference.Tests().Count);
    }

    [Fact]
    public void Classic_anova_and_its_effect_sizes_match_scipy_on_every_attribute()
    {
        foreach (var (attribute, subject, entry) in ExploreReference.Tests())
        {
            var anova = OneWayAnova.Compute(Data.Groups(attribute, subject).Groups);
            var name = $"{attribute} x {subject}";
            Assert.NotNull(anova);
            ExploreReference.Close(entry.Number("anova.f"), anova.F, name + " F");
            ExploreReference.CloseRelative(entry.Number("anova.p"), anova.P, name + " p");
            Assert.Equal(entry.Number("anova.df_between"), anova.DegreesOfFreedomBetween);
            Assert.Equal(entry.Number("anova.df_within"), anova.DegreesOfFreedomWithin);
            ExploreReference.Close(entry.Number("eta_squared"), anova.EtaSquared, name + " eta squared");
            ExploreReference.Close(entry.Number("omega_squared"), anova.OmegaSquared, name + " omega squared");
        }
    }

    [Fact]
    public void Welch_anova_matches_statsmodels_on_every_attribute()
    {
        foreach (var (attribute, subject, entry) in ExploreReference.Tests())
        {
            var welch = WelchAnova.Compute(Data.Groups(attribute, subject).Groups);
            var name = $"{attribute} x {subject}";
            Assert.NotNull(welch);
            ExploreReference.Close(entry.Number("welch_anova.f"), welch.F, name + " F");
            ExploreReference.CloseRelative(entry.Number("welch_anova.p"), welch.P, name + " p");
            ExploreReference.Close(entry.Number("welch_anova.df_between"), welch.DegreesOfFreedomBetween, name + " df1");
            ExploreReference.Close(entry.Number("welch_anova.df_within"), welch.DegreesOfFreedomWithin, name + " df2");
        }
    }

    [Fact]
    public void Kruskal_wallis_with_the_tie_correction_matches_scipy_on_every_attribute()
    {
        foreach (var (attribute, subject, entry) in ExploreReference.Tests())
        {
            var (groups, tieTerm) = Data.Groups(attribute, subject);
            var kruskal = KruskalWallis.Compute(groups, tieTerm);
            var name = $"{attribute} x {subject}";
            Assert.NotNull(kruskal);
            ExploreReference.Close(entry.Number("kruskal.h"), kruskal.H, name + " H");
            ExploreReference.CloseRelative(entry.Number("kruskal.p"), kruskal.P, name + " p");
            Assert.Equal(groups.Count - 1, kruskal.DegreesOfFreedom);
        }
    }

    [Fact]
    public void The_groups_computed_here_are_the_reference_groups()
    {
        foreach (var (attribute, subject, entry) in ExploreReference.Tests())
        {
            var groups = Data.Groups(attribute, subject).Groups;
            var expected = entry.GetProperty("groups").EnumerateArray().ToList();
            Assert.Equal(expected.Select(g => g.GetProperty("group").GetString()), groups.Select(g => g.Name));
            Assert.Equal(expected.Select(g => g.GetProperty("n").GetInt64()), groups.Select(g => g.N));
            for (var i = 0; i < groups.Count; i++)
            {
                ExploreReference.Close(expected[i].Number("mean"), groups[i].Mean, $"{attribute} x {subject} {groups[i].Name} mean");
                ExploreReference.Close(expected[i].Number("sd"), Math.Sqrt(groups[i].Variance), $"{attribute} x {subject} {groups[i].Name} sd");
            }
        }
    }

    [Fact]
    public void Tests_that_cannot_be_trusted_are_null_with_a_reason()
    {
        GroupStatistics[] single = [new("a", 5, 60, 10, 15)];
        GroupStatistics[] flat = [new("a", 3, 60, 0, 6), new("b", 3, 70, 0, 15)];
        Assert.Null(OneWayAnova.Compute(single));
        Assert.NotNull(OneWayAnova.Refusal(single));
        Assert.Null(WelchAnova.Compute(flat));
        Assert.Contains("spread", WelchAnova.Refusal(flat));
        Assert.Null(OneWayAnova.Compute(flat));
        Assert.NotNull(KruskalWallis.Compute(flat, 2 * (27 - 3)));
        Assert.Null(KruskalWallis.Compute([new("a", 2, 1, 0, null), new("b", 2, 1, 0, 7)], 0));
        Assert.Null(KruskalWallis.Compute([new("a", 2, 5, 0, 5), new("b", 2, 5, 0, 5)], 64 - 4));
    }
}
