using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Tests.Reports;

public sealed class TrackingReportTests(DemoReportStore demo) : IClassFixture<DemoReportStore>
{
    [Fact]
    public async Task The_tracking_tables_have_their_golden_headers_and_a_box_plot_per_subject()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("tracking");
        var subjects = await copy.Store.GetTrackingSubjectsAsync(Scope.Everything);

        Assert.Equal(["subject", "series", "is_baseline", "students", "minimum", "lower_whisker", "q1", "median", "q3", "upper_whisker", "maximum", "mean", "scale"], copy.HeaderOf("tracking/series_boxes.csv"));
        Assert.Equal(["subject", "series", "students", "above", "at", "below", "pct_above", "pct_at", "pct_below"], copy.HeaderOf("tracking/baseline_shares.csv"));
        Assert.Equal(["subject", "series", "final_series", "students", "mean_absolute_error", "mean_difference", "correlation", "pct_within_one_grade", "grade_step"], copy.HeaderOf("tracking/backtest.csv"));
        Assert.Equal(subjects.Count, summary.Files.Count(f => f.Kind == ReportFileKind.Figure));
    }

    [Fact]
    public async Task A_subjects_box_plot_equals_the_tracking_pages_boxes()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("tracking");
        var plot = await copy.Store.GetSeriesBoxPlotAsync(Scope.Everything, new TrackingFilter("Mathematics"));

        var boxes = (BoxChart)summary.Files.Single(f => f.Path == "tracking/series_boxes_mathematics.png").Figure!;
        Assert.Equal(plot!.Boxes.Select(b => (b.N, b.LowerWhisker, b.Q1, b.Median, b.Q3, b.UpperWhisker, b.Mean)),
            boxes.Boxes.Select(b => (b.Students, b.LowerWhisker, b.Q1, b.Median, b.Q3, b.UpperWhisker, b.Mean!.Value)));
        Assert.Contains("type 7", boxes.Text.Method, StringComparison.Ordinal);
        Assert.Equal((0, 9), (boxes.YMinimum, boxes.YMaximum));
    }
}
