using GradeLens.Core.Explore;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Explore;

public sealed class HeatmapTests
{
    private static readonly CellScores[] Table =
    [
        new("high", "b1", 3, 40, 9, 41, 42, 43),
        new("high", "b2", 20, 60, 100, 55, 60, 65),
        new("high", "b3", 25, 70, 100, 65, 70, 75),
        new("low", "b1", 30, 50, 64, 45, 50, 55),
        new("low", "b2", 22, 52, 64, 47, 52, 57),
        new("low", "b3", 40, 54, 64, 49, 54, 59),
        new("medium", "b1", 15, 61, 81, 55, 61, 67),
        new("medium", "b2", 50, 63, 81, 57, 63, 69),
        new("medium", "b3", 12, 65, 81, 59, 65, 71),
    ];

    [Fact]
    public void A_small_cell_is_hidden_with_its_complements_so_no_total_gives_it_away()
    {
        var heatmap = Heatmap.Compute("level", "band", Table, 10);

        Assert.Equal(["low", "medium", "high"], heatmap.LevelsA);
        Assert.Equal(["b1", "b2", "b3"], heatmap.LevelsB);
        Assert.Equal(9, heatmap.Cells.Count);
        var small = heatmap.Cells.Single(c => (c.A, c.B) == ("high", "b1"));
        Assert.Equal((true, null, null, null), (small.Suppressed, small.Students, small.Mean, small.Median));
        Assert.True(heatmap.Cells.Count(c => c.Suppressed) >= 4, "a hidden cell needs a second one in its row and in its column");
        foreach (var total in heatmap.Totals.Where(t => !t.Suppressed))
        {
            var parts = total switch
            {
                { A: null, B: null } => heatmap.Totals.Where(t => t.A is not null && t.B is null).ToList(),
                { B: null } => heatmap.Cells.Where(c => c.A == total.A).ToList(),
                _ => heatmap.Cells.Where(c => c.B == total.B).ToList(),
            };
            Assert.NotEqual(1, parts.Count(p => p.Suppressed));
        }

        Assert.All(heatmap.Cells.Where(c => c.Suppressed), c => Assert.True(c.Students is null && c.Mean is null && c.Median is null));
        Assert.All(heatmap.Cells.Where(c => !c.Suppressed), c => Assert.NotNull(c.Median));
    }

    [Fact]
    public void Totals_pool_their_cells_students_and_carry_no_median()
    {
        var heatmap = Heatmap.Compute("level", "band", Table, 1);

        Assert.DoesNotContain(heatmap.Cells, c => c.Suppressed);
        var low = heatmap.Totals.Single(t => t.A == "low" && t.B is null);
        Assert.Equal(92, low.Students);
        Assert.Equal((30 * 50 + 22 * 52 + 40 * 54) / 92.0, low.Mean!.Value, 12);
        Assert.Null(low.Median);
        var everyone = heatmap.Totals.Single(t => t.A is null && t.B is null);
        Assert.Equal(Table.Sum(c => c.N), everyone.Students);
        Assert.Equal(Table.Sum(c => c.N * c.Mean) / Table.Sum(c => c.N), everyone.Mean!.Value, 12);
        Assert.Equal(3 + 3 + 1, heatmap.Totals.Count);
    }

    [Fact]
    public async Task A_heatmap_from_the_store_orders_parental_education_and_matches_the_csv_means()
    {
        await using var store = await ExploreQueriesTests.ExamStoreAsync();
        await using var connection = await store.Store.OpenConnectionAsync(CancellationToken.None);
        var cells = await ExploreQueries.CellsAsync(connection, StoreSqlDialect.DuckDb, Scope.Everything, new ExploreScore("Writing", "Final"),
            "parental level of education", "test preparation course", 30, CancellationToken.None);

        var heatmap = Heatmap.Compute("parental level of education", "test preparation course", cells, 30);

        Assert.Equal(["some high school", "high school", "some college", "associate's degree", "bachelor's degree", "master's degree"], heatmap.LevelsA);
        Assert.Equal(["completed", "none"], heatmap.LevelsB);
        var data = StudentsPerformanceData.Read();
        var education = data.Values("parental level of education");
        var preparation = data.Values("test preparation course");
        var writing = data.Scores("writing score");
        foreach (var cell in heatmap.Cells)
        {
            var x = writing.Where((_, i) => education[i] == cell.A && preparation[i] == cell.B).ToList();
            Assert.True(x.Count >= 30 || cell.Suppressed, $"{cell.A} x {cell.B} has {x.Count} students");
            if (!cell.Suppressed)
            {
                Assert.Equal(x.Count, cell.Students);
                ExploreReference.Close(x.Average(), cell.Mean, $"{cell.A} x {cell.B} mean");
            }
        }

        Assert.True(heatmap.Cells.Single(c => (c.A, c.B) == ("master's degree", "completed")).Suppressed);
        Assert.True(heatmap.Cells.Single(c => (c.A, c.B) == ("master's degree", "none")).Suppressed, "its row total would give it away");
    }
}
