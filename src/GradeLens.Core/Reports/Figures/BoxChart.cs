using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

/// <summary>
/// One box: quartiles (as the feature computed them: type 7 for Tracking and Explore), whiskers when known, the mean as
/// a marker, and the group's size in its label.
/// </summary>
public sealed record BoxGroup(
    string Label, long Students, double Q1, double Median, double Q3, double? LowerWhisker = null, double? UpperWhisker = null, double? Mean = null);

/// <summary>A box per group, side by side, labelled "group (n = 123)".</summary>
public sealed record BoxChart(FigureText Text, IReadOnlyList<BoxGroup> Boxes, double? YMinimum = null, double? YMaximum = null) : Figure(Text)
{
    internal override void Draw(Plot plot)
    {
        var boxes = Boxes.Select((b, i) => new Box
        {
            Position = i,
            BoxMin = b.Q1,
            BoxMax = b.Q3,
            BoxMiddle = b.Median,
            WhiskerMin = b.LowerWhisker,
            WhiskerMax = b.UpperWhisker,
            FillColor = FigureColours.Of(0).WithAlpha(0.45),
            LineColor = FigureColours.Of(0),
            Width = 0.6,
        }).ToList();
        plot.Add.Boxes(boxes);
        var means = Boxes.Select((b, i) => (b.Mean, i)).Where(m => m.Mean is not null).ToList();
        if (means.Count > 0)
        {
            var markers = plot.Add.Markers(means.Select(m => (double)m.i).ToArray(), means.Select(m => m.Mean!.Value).ToArray(), MarkerShape.FilledDiamond, 10, FigureColours.Of(1));
            markers.LegendText = "mean";
            plot.ShowLegend(Alignment.UpperRight);
        }

        FigureAxes.Categories(plot, [.. Boxes.Select(b => $"{b.Label} (n = {b.Students})")]);
        if (YMinimum is { } low && YMaximum is { } high)
        {
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsY(low, high);
        }
    }
}
