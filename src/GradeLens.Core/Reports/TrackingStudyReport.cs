using GradeLens.Core.Exports;
using GradeLens.Core.Reports.Figures;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Reports;

/// <summary>
/// The Tracking page's tables for every subject it can draw: series boxes (series_boxes.csv and a box plot per
/// subject), shares above, at and below baseline (baseline_shares.csv) and the mock back-test (backtest.csv), from
/// <see cref="TrackingReads"/> with the page's requests. No student row: the page's student lists are not written.
/// </summary>
public sealed class TrackingStudyReport : IStudyReport
{
    /// <summary>The Baseline panel's request size, so the report reads the same kept answer as the page.</summary>
    public const int FurthestBelow = 50;

    public static IReadOnlyList<string> BoxHeader { get; } =
        ["subject", "series", "is_baseline", "students", "minimum", "lower_whisker", "q1", "median", "q3", "upper_whisker", "maximum", "mean", "scale"];

    public static IReadOnlyList<string> BaselineHeader { get; } =
        ["subject", "series", "students", "above", "at", "below", "pct_above", "pct_at", "pct_below"];

    public static IReadOnlyList<string> BackTestHeader { get; } =
        ["subject", "series", "final_series", "students", "mean_absolute_error", "mean_difference", "correlation", "pct_within_one_grade", "grade_step"];

    public string Name => "tracking";

    public string Title => "Tracking: each subject's series against baseline";

    public async Task<string?> WriteAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.Store;
        var subjects = await store.GetTrackingSubjectsAsync(context.Scope, cancellationToken);
        if (subjects.Count == 0)
        {
            return "No subject has whole-subject results in scope (subjects imported only as domains cannot be tracked): there is nothing to track.";
        }

        var boxes = new ReportTable(BoxHeader);
        var shares = new ReportTable(BaselineHeader);
        var plots = new List<SeriesBoxes>();
        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i].Subject;
            context.Report(subject, 0.9 * i / subjects.Count);
            var filter = new TrackingFilter(subject);
            if (await store.GetSeriesBoxPlotAsync(context.Scope, filter, cancellationToken) is not { } plot)
            {
                context.Files.Note($"{subject}: no series with enough students in scope to draw.");
                continue;
            }

            plots.Add(plot);
            foreach (var b in plot.Boxes)
            {
                boxes.Row([
                    CsvText.Text(subject), CsvText.Text(b.Series), CsvText.Flag(b.IsBaseline), CsvText.Number(b.N), CsvText.Number(b.Minimum), CsvText.Number(b.LowerWhisker),
                    CsvText.Number(b.Q1), CsvText.Number(b.Median), CsvText.Number(b.Q3), CsvText.Number(b.UpperWhisker), CsvText.Number(b.Maximum), CsvText.Number(b.Mean),
                    CsvText.Text(plot.Scale.Name),
                ]);
            }

            var baseline = await store.GetBaselineComparisonAsync(context.Scope, filter, FurthestBelow, cancellationToken);
            foreach (var s in baseline.Shares)
            {
                shares.Row([
                    CsvText.Text(subject), CsvText.Text(s.Series), CsvText.Number(s.Students), CsvText.Number(s.Above), CsvText.Number(s.At), CsvText.Number(s.Below),
                    CsvText.Number(s.PercentAbove), CsvText.Number(s.PercentAt), CsvText.Number(s.PercentBelow),
                ]);
            }
        }

        var small = context.Scope.AggregatesOnly ? $"; series under {context.Scope.MinimumCellSize} students left out" : "";
        await context.Files.WriteCsvAsync("series_boxes", "Box statistics of every subject's series, the baseline first", TrackingFilter.QuartileMethod + small, boxes, cancellationToken);
        await context.Files.WriteCsvAsync("baseline_shares", "Students above, at and below their baseline in each series",
            "Each series' whole-subject grade against the student's baseline (expected grade), students with a baseline only" + small + ".", shares, cancellationToken);
        var tests = await store.GetMockBackTestsAsync(context.Scope, new TrackingFilter(""), cancellationToken);
        var backTest = new ReportTable(BackTestHeader);
        foreach (var t in tests)
        {
            backTest.Row([
                CsvText.Text(t.Subject), CsvText.Text(t.Series), CsvText.Text(t.FinalSeries), CsvText.Number(t.Students), CsvText.Number(t.MeanAbsoluteError),
                CsvText.Number(t.MeanDifference), CsvText.Number(t.Correlation), CsvText.Number(t.PercentWithinOneGrade), CsvText.Number(t.GradeStep),
            ]);
        }

        await context.Files.WriteCsvAsync("backtest", "How well each mock predicted the final", MockBackTest.Method, backTest, cancellationToken);
        foreach (var plot in plots)
        {
            await context.Files.WriteFigureAsync(ReportFileName.Of("series_boxes", plot.Subject), Figure(plot, small), cancellationToken);
        }

        return null;
    }

    /// <summary>The page's box plot as a figure: one box per series, the baseline first, on the subject's scale.</summary>
    public static BoxChart Figure(SeriesBoxes plot, string small = "")
    {
        ArgumentNullException.ThrowIfNull(plot);
        var text = new FigureText($"{plot.Subject}: grades by series ({plot.Students} students)", "Series (baseline first)", $"Grade ({plot.Scale.Name})",
            "Quartiles type 7 (numpy, Excel QUARTILE.INC); whiskers to the furthest grade within 1.5 IQR; diamonds: means" + small + ".");
        return new BoxChart(text,
            [.. plot.Boxes.Select(b => new BoxGroup(b.IsBaseline && !b.Series.Contains("baseline", StringComparison.OrdinalIgnoreCase) ? $"Baseline ({b.Series})" : b.Series, b.N, b.Q1, b.Median, b.Q3, b.LowerWhisker, b.UpperWhisker, b.Mean))],
            plot.Scale.Minimum, plot.Scale.Maximum);
    }
}
