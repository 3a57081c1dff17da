using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Tracking;

public sealed class SeriesBoxTests
{
    /// <summary>Absolute tolerance against numpy's percentiles: grades are halves and quarters, so agreement is exact up to rounding.</summary>
    private const double Tolerance = 1e-9;

    public static TheoryData<string> Subjects() => ["Maths", "English Lang.", "Geography"];

    [Theory]
    [MemberData(nameof(Subjects))]
    public async Task Box_statistics_of_every_series_match_numpy_on_the_gcse_tracking_file(string subject)
    {
        await using var temp = await TrackingStores.YellisAsync();
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("tracking").GetProperty("box_by_series").GetProperty(subject);

        var boxes = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter(subject));

        Assert.Equal(["BASELINE", "MOCK 1", "MOCK 2", "GCSE"], boxes.Select(b => b.Series));
        Assert.True(boxes[0].IsBaseline);
        foreach (var box in boxes)
        {
            var want = expected.GetProperty(box.Series);
            Assert.Equal(want.GetProperty("n").GetInt64(), box.N);
            Assert.Equal(want.GetProperty("median").GetDouble(), box.Median, Tolerance);
            Assert.Equal(want.GetProperty("q1").GetDouble(), box.Q1, Tolerance);
            Assert.Equal(want.GetProperty("q3").GetDouble(), box.Q3, Tolerance);
            Assert.InRange(box.LowerWhisker!.Value, box.Minimum!.Value, box.Q1);
            Assert.InRange(box.UpperWhisker!.Value, box.Q3, box.Maximum!.Value);
        }
    }

    [Fact]
    public async Task A_group_filter_and_an_aggregates_only_scope_narrow_the_boxes()
    {
        await using var temp = await TrackingStores.YellisAsync();
        var all = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths"));
        var girls = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths", "gender", "F"));
        var boys = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths", "gender", "M"));
        Assert.Equal(all.Select(b => b.N), girls.Zip(boys, (g, b) => g.N + b.N));
        var nobody = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths", "gender", "' OR '1'='1"));
        Assert.Empty(nobody);
        var suppressed = await temp.Store.GetSeriesBoxesAsync(new Scope(null, AggregatesOnly: true, MinimumCellSize: 1000), new TrackingFilter("Maths"));
        Assert.Empty(suppressed);
    }
}
