using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

public enum ThresholdAxis
{
    /// <summary>A vertical line at an x value.</summary>
    X,

    /// <summary>A horizontal line at a y value.</summary>
    Y,
}

/// <summary>A threshold drawn across the chart (a pass-rate target, a minimum excess), with its label.</summary>
public sealed record ThresholdLine(ThresholdAxis Axis, double Value, string Label);

/// <param name="Marked">Drawn larger, in the marked colour (an at-risk module, a priority cohort), with its label when it has one.</param>
public sealed record ScatterPoint(double X, double Y, bool Marked = false, string? Label = null);

/// <summary>Points with threshold lines and the points that pass them marked; the legend names both kinds.</summary>
public sealed record ScatterChart(
    FigureText Text,
    IReadOnlyList<ScatterPoint> Points,
    IReadOnlyList<ThresholdLine> Thresholds,
    string PointsLegend = "cells",
    string MarkedLegend = "marked") : Figure(Text)
{
    /// <summary>Marked points named on the chart at most; the rest are in the table beside it.</summary>
    public const int LabelsShown = 12;

    internal override void Draw(Plot plot)
    {
        var plain = Points.Where(p => !p.Marked).ToList();
        var marked = Points.Where(p => p.Marked).ToList();
        if (plain.Count > 0)
        {
            var points = plot.Add.Markers(plain.Select(p => p.X).ToArray(), plain.Select(p => p.Y).ToArray(), MarkerShape.FilledCircle, 7, FigureColours.Of(0).WithAlpha(0.6));
            points.LegendText = FigureLabels.Visual(PointsLegend);
        }

        if (marked.Count > 0)
        {
            var points = plot.Add.Markers(marked.Select(p => p.X).ToArray(), marked.Select(p => p.Y).ToArray(), MarkerShape.FilledDiamond, 13, FigureColours.Marked);
            points.LegendText = FigureLabels.Visual(MarkedLegend);
            foreach (var point in marked.Where(p => p.Label is not null).Take(LabelsShown))
            {
                var label = plot.Add.Text(FigureLabels.Visual(FigureLabels.Shorten(point.Label!, 32)), point.X, point.Y);
                label.LabelFontSize = 12;
                label.LabelAlignment = Alignment.LowerLeft;
                label.OffsetX = 8;
            }
        }

        foreach (var line in Thresholds)
        {
            FigureAxes.Reference(plot, line.Axis == ThresholdAxis.X, line.Value, line.Label);
        }

        plot.ShowLegend(Alignment.UpperRight);
    }
}
