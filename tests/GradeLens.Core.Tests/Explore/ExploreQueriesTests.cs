using GradeLens.Core.Explore;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Storage;

namespace GradeLens.Core.Tests.Explore;

/// <summary>The SQL on a real DuckDB store holding the exam file, fed into the tests and checked against the same references.</summary>
public sealed class ExploreQueriesTests
{
    private static readonly Dictionary<string, string> StoreSubjects = new()
    {
        ["math score"] = "Mathematics", ["reading score"] = "Reading", ["writing score"] = "Writing",
    };

    private static readonly StudentsPerformanceData Data = StudentsPerformanceData.Read();

    [Fact]
    public async Task Tests_fed_by_sql_match_scipy_and_statsmodels_on_every_attribute()
    {
        await using var store = await ExamStoreAsync();
        await using var connection = await store.Store.OpenConnectionAsync(CancellationToken.None);
        foreach (var (attribute, subject, entry) in ExploreReference.Tests())
        {
            var scores = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, Scope.Everything, Score(subject), attribute, 1, CancellationToken.None);
            var tests = scores.Tests();
            var name = $"{attribute} x {subject} (SQL)";

            Assert.Equal(entry.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("n").GetInt64()).Sum(), tests.Students);
            ExploreReference.Close(entry.Number("anova.f"), tests.Anova?.F, name + " F");
            ExploreReference.CloseRelative(entry.Number("anova.p"), tests.Anova?.P, name + " p");
            ExploreReference.Close(entry.Number("eta_squared"), tests.Anova?.EtaSquared, name + " eta squared");
            ExploreReference.Close(entry.Number("omega_squared"), tests.Anova?.OmegaSquared, name + " omega squared");
            ExploreReference.Close(entry.Number("welch_anova.f"), tests.Welch?.F, name + " Welch F");
            ExploreReference.CloseRelative(entry.Number("welch_anova.p"), tests.Welch?.P, name + " Welch p");
            ExploreReference.Close(entry.Number("welch_anova.df_within"), tests.Welch?.DegreesOfFreedomWithin, name + " Welch df2");
            ExploreReference.Close(entry.Number("kruskal.h"), tests.KruskalWallis?.H, name + " H");
            ExploreReference.CloseRelative(entry.Number("kruskal.p"), tests.KruskalWallis?.P, name + " Kruskal p");
        }
    }

    [Fact]
    public async Task Sql_groups_carry_the_rank_sums_tie_term_and_quartiles_computed_from_the_csv()
    {
        await using var store = await ExamStoreAsync();
        await using var connection = await store.Store.OpenConnectionAsync(CancellationToken.None);

        var scores = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, Scope.Everything, Score("math score"), "parental level of education", 1, CancellationToken.None);

        var (expected, tieTerm) = Data.Groups("parental level of education", "math score");
        Assert.Equal(LevelOrder.Of(expected.Select(g => g.Name)).Levels, scores.Groups.Select(g => g.Statistics.Name));
        Assert.Equal(tieTerm, scores.TieTerm);
        var maths = Data.Scores("math score");
        var levels = Data.Values("parental level of education");
        foreach (var group in scores.Groups)
        {
            var csv = expected.Single(g => g.Name == group.Statistics.Name);
            Assert.Equal(csv.RankSum, group.Statistics.RankSum);
            Assert.Equal(csv.N, group.Statistics.N);
            var sorted = maths.Where((_, i) => levels[i] == csv.Name).Order().ToList();
            ExploreReference.Close(Percentile(sorted, 0.25), group.LowerQuartile, csv.Name + " lower quartile");
            ExploreReference.Close(Percentile(sorted, 0.5), group.Median, csv.Name + " median");
            ExploreReference.Close(Percentile(sorted, 0.75), group.UpperQuartile, csv.Name + " upper quartile");
        }
    }

    [Fact]
    public async Task Groups_under_the_minimum_are_left_out_before_the_ranking()
    {
        await using var store = await ExamStoreAsync();
        await using var connection = await store.Store.OpenConnectionAsync(CancellationToken.None);

        // group A has 89 students, the others at least 190.
        var scores = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, Scope.Everything, Score("math score"), "race/ethnicity", 100, CancellationToken.None);

        Assert.Equal(["group B", "group C", "group D", "group E"], scores.Groups.Select(g => g.Statistics.Name));
        var values = Data.Values("race/ethnicity");
        var maths = Data.Scores("math score").Where((_, i) => values[i] != "group A").ToList();
        var ranks = StudentsPerformanceData.AverageRanks(maths);
        var others = values.Where(v => v != "group A").ToList();
        foreach (var group in scores.Groups)
        {
            Assert.Equal(ranks.Where((_, i) => others[i] == group.Statistics.Name).Sum(), group.Statistics.RankSum);
        }

        Assert.Equal(maths.GroupBy(s => s).Sum(g => Math.Pow(g.Count(), 3) - g.Count()), scores.TieTerm);
        var analyst = new Scope("default", AggregatesOnly: true, MinimumCellSize: 100);
        var asAnalyst = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, analyst, Score("math score"), "race/ethnicity", 1, CancellationToken.None);
        Assert.Equal(scores.Groups.Select(g => (g.Statistics.Name, g.Statistics.N, g.Statistics.RankSum)), asAnalyst.Groups.Select(g => (g.Statistics.Name, g.Statistics.N, g.Statistics.RankSum)));
    }

    [Fact]
    public async Task A_student_column_an_unknown_attribute_and_a_scope_without_the_students()
    {
        await using var store = await ExamStoreAsync();
        await using var connection = await store.Store.OpenConnectionAsync(CancellationToken.None);
        var maths = Score("math score");

        var gender = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, Scope.Everything, maths, "Gender", 1, CancellationToken.None);
        var unknown = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, Scope.Everything, maths, "shoe size", 1, CancellationToken.None);
        var own = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, Scope.ForOrganisation("default"), maths, "lunch", 1, CancellationToken.None);
        var other = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, Scope.ForOrganisation("elsewhere"), maths, "lunch", 1, CancellationToken.None);
        var otherSeries = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, Scope.Everything, maths with { Series = "Mock" }, "lunch", 1, CancellationToken.None);

        Assert.Equal([("female", 518L), ("male", 482L)], gender.Groups.Select(g => (g.Statistics.Name, g.Statistics.N)));
        Assert.Equal([("not recorded", 1000L)], unknown.Groups.Select(g => (g.Statistics.Name, g.Statistics.N)));
        Assert.Equal(1000, own.Groups.Sum(g => g.Statistics.N));
        Assert.Empty(other.Groups);
        Assert.Empty(otherSeries.Groups);
        Assert.Null(other.Tests().Anova);
    }

    [Fact]
    public async Task Cells_of_two_attributes_match_the_csv_and_give_no_quartile_under_the_minimum()
    {
        await using var store = await ExamStoreAsync();
        await using var connection = await store.Store.OpenConnectionAsync(CancellationToken.None);

        var cells = await ExploreQueries.CellsAsync(connection, StoreSqlDialect.DuckDb, Scope.Everything, Score("reading score"), "race/ethnicity", "gender", 40, CancellationToken.None);

        var race = Data.Values("race/ethnicity");
        var gender = Data.Values("gender");
        var reading = Data.Scores("reading score");
        var expected = Enumerable.Range(0, reading.Count).GroupBy(i => (race[i], gender[i])).ToList();
        Assert.Equal(expected.Count, cells.Count);
        foreach (var group in expected)
        {
            var cell = cells.Single(c => (c.A, c.B) == group.Key);
            var x = group.Select(i => reading[i]).ToList();
            Assert.Equal(x.Count, cell.N);
            ExploreReference.Close(x.Average(), cell.Mean, $"{group.Key} mean");
            ExploreReference.Close(x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Count - 1), cell.Variance, $"{group.Key} variance");
            Assert.Equal(x.Count >= 40, cell.Median is not null);
            if (cell.Median is not null)
            {
                ExploreReference.Close(Percentile(x.Order().ToList(), 0.5), cell.Median, $"{group.Key} median");
            }
        }
    }

    internal static async Task<TempStore> ExamStoreAsync()
    {
        var store = await TempStore.CreateAsync();
        await StoreContractTests.ImportSharedAsync(store.Store, StoreContractTests.StudentsPerformance);
        return store;
    }

    private static ExploreScore Score(string subject) => new(StoreSubjects[subject], "Final");

    /// <summary>numpy's default (linear) percentile of sorted values.</summary>
    private static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        return lo + 1 < sorted.Count ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }
}
