using GradeLens.Core.Explore;
using GradeLens.Core.Tests.Storage;
using static GradeLens.Core.Tests.Explore.ExploreReference;

namespace GradeLens.Core.Tests.Explore;

/// <summary>The Explore page's entry points over a real store: the same figures as scipy and statsmodels, the choices the page opens on, and no small group shown.</summary>
public sealed class ExploreReadsTests
{
    private static readonly Dictionary<string, string> StoredSubjects = new()
    {
        ["math score"] = "Mathematics", ["reading score"] = "Reading", ["writing score"] = "Writing",
    };

    [Fact]
    public async Task Every_attribute_and_subject_of_the_exam_table_matches_the_reference_through_the_page_answer()
    {
        await using var temp = await TempStore.CreateAsync();
        await StoreContractTests.ImportSharedAsync(temp.Store, StoreContractTests.StudentsPerformance);
        var choices = await temp.Store.GetExploreChoicesAsync(Scope.Everything);

        foreach (var (attribute, subject, entry) in ExploreReference.Tests())
        {
            var score = choices.Scores.Single(s => s.Subject == StoredSubjects[subject]);
            var view = await temp.Store.GetExploreAsync(Scope.Everything, new ExploreRequest(new ExploreScore(score.Subject, score.Series), attribute, MinimumCellSize: 1));
            var what = $"{attribute} x {subject}";
            Close(entry.Number("anova.f"), view.Tests.Anova?.F, what + " F");
            CloseRelative(entry.Number("anova.p"), view.Tests.Anova?.P, what + " p");
            Close(entry.Number("welch_anova.f"), view.Tests.Welch?.F, what + " Welch F");
            Close(entry.Number("welch_anova.df_within"), view.Tests.Welch?.DegreesOfFreedomWithin, what + " Welch df");
            Close(entry.Number("kruskal.h"), view.Tests.KruskalWallis?.H, what + " H");
            Close(entry.Number("eta_squared"), view.Tests.Anova?.EtaSquared, what + " eta²");
            Close(entry.Number("omega_squared"), view.Tests.Anova?.OmegaSquared, what + " omega²");
            Assert.Equal(entry.GetProperty("groups").GetArrayLength(), view.Groups.Count);
        }
    }

    [Fact]
    public async Task The_page_opens_on_the_score_with_most_students_and_orders_education_levels()
    {
        await using var temp = await TempStore.CreateAsync();
        await StoreContractTests.ImportSharedAsync(temp.Store, StoreContractTests.StudentsPerformance);

        var choices = await temp.Store.GetExploreChoicesAsync(Scope.Everything);
        var score = choices.DefaultScore!;
        var view = await temp.Store.GetExploreAsync(Scope.Everything, new ExploreRequest(new ExploreScore(score.Subject, score.Series), "parental level of education"));

        Assert.Equal(1000, score.Students);
        Assert.Equal(["gender", "lunch", "parental level of education", "race/ethnicity", "test preparation course"], choices.Attributes.Select(a => a.Name));
        Assert.True(view.Ordering.Ordered);
        Assert.Equal(["some high school", "high school", "some college", "associate's degree", "bachelor's degree", "master's degree"], view.Groups.Select(g => g.Name));
        Assert.NotNull(view.Trend);
        Assert.All(view.Groups, g => Assert.True(g.Lower < g.Mean && g.Mean < g.Upper));
    }

    [Fact]
    public async Task An_analyst_sees_no_group_under_their_minimum_and_a_lone_hidden_group_takes_the_next_smallest_with_it()
    {
        await using var temp = await TempStore.CreateAsync();
        await StoreContractTests.ImportSharedAsync(temp.Store, StoreContractTests.StudentsPerformance);
        var analyst = new Scope(null, AggregatesOnly: true, MinimumCellSize: 100);
        var score = (await temp.Store.GetExploreChoicesAsync(analyst)).DefaultScore!;

        var view = await temp.Store.GetExploreAsync(analyst, new ExploreRequest(new ExploreScore(score.Subject, score.Series), "parental level of education", MinimumCellSize: 1));
        var points = await temp.Store.GetExplorePointsAsync(analyst, new ExploreScore(score.Subject, score.Series), "parental level of education");

        // master's degree (59) is under 100: hidden, and bachelor's degree (118), the smallest shown, with it.
        Assert.Equal(100, view.MinimumCellSize);
        Assert.Equal(["some high school", "high school", "some college", "associate's degree"], view.Groups.Select(g => g.Name));
        Assert.Equal(2, view.SuppressedGroups);
        Assert.Empty(points);
    }
}
