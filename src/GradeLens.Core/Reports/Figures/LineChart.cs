using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

/// <summary>How a line's intervals are drawn: a shaded band (a trend) or error bars at each point (few, separate points).</summary>
public enum IntervalDisplay
{
    Band,
    ErrorBars,
}

public sealed record LinePoint(double X, double Y, double? Lower = null, double? Upper = null);

/// <param name="Dashed">A reference series (perfect calibration, a benchmark) rather than data.</param>
public sealed record LineSeries(string Name, IReadOnlyList<LinePoint> Points, bool Dashed = false);

/// <summary>
/// Lines with markers, one colour and legend entry per series, each point's interval as a band or error bars.
/// <paramref name="XCategories"/> names the x positions 0, 1, 2... (terms, series) instead of a numeric axis.
/// </summary>
public sealed record LineChart(
    FigureText Text,
    IReadOnlyList<LineSeries> Series,
    IntervalDisplay Intervals = IntervalDisplay.Band,
    IReadOnlyList<string>? XCategories = null,
    double? YMinimum = null,
    double? YMaximum = null) : Figure(Text)
{
    internal override void Draw(Plot plot)
    {
        for (var i = 0; i < Series.Count; i++)
        {
            var series = Series[i];
            var colour = series.Dashed ? FigureColours.Reference : FigureColours.Of(i);
            var xs = series.Points.Select(p => p.X).ToArray();
            var ys = series.Points.Select(p => p.Y).ToArray();
            var withInterval = series.Points.Where(p => p.Lower is not null && p.Upper is not null).ToList();
            if (withInterval.Count > 0 && Intervals == IntervalDisplay.Band)
            {
                var band = plot.Add.FillY(
                    [.. withInterval.Select(p => p.X)], [.. withInterval.Select(p => p.Lower!.Value)], [.. withInterval.Select(p => p.Upper!.Value)]);
                band.FillColor = colour.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            else if (withInterval.Count > 0)
            {
                var errors = new ScottPlot.Plottables.ErrorBar(
                    [.. withInterval.Select(p => p.X)], [.. withInterval.Select(p => p.Y)], null!, null!,
                    [.. withInterval.Select(p => p.Upper!.Value - p.Y)], [.. withInterval.Select(p => p.Y - p.Lower!.Value)]);
                errors.Color = colour;
                plot.Add.Plottable(errors);
            }

            var line = plot.Add.Scatter(xs, ys, colour);
            line.LineWidth = 2.5f;
            line.MarkerSize = series.Dashed ? 0 : 8;
            line.LinePattern = series.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = FigureLabels.Visual(series.Name);
        }

        if (XCategories is { Count: > 0 })
        {
            FigureAxes.Categories(plot, XCategories);
        }

        if (YMinimum is { } low && YMaximum is { } high)
        {
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsY(low, high);
        }

        plot.ShowLegend(Alignment.UpperLeft);
    }
}
