using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

/// <summary>Category axes the figures share: one tick per category, turned 45 degrees when there are many or they are long.</summary>
internal static class FigureAxes
{
    public static void Categories(Plot plot, IReadOnlyList<string> labels, bool vertical = false)
    {
        var positions = Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray();
        var shown = labels.Select(l => FigureLabels.Visual(FigureLabels.Shorten(l))).ToArray();
        if (vertical)
        {
            plot.Axes.Left.SetTicks(positions, shown);
            return;
        }

        plot.Axes.Bottom.SetTicks(positions, shown);
        var longest = shown.Select(s => s.Length).DefaultIfEmpty(0).Max();
        if (labels.Count > 8 || longest * labels.Count > 110)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = Math.Min(260, 30 + (longest * 7));
        }
    }

    /// <summary>A dashed reference line across the plot (a threshold, a policy limit, no difference) with its label.</summary>
    public static void Reference(Plot plot, bool vertical, double value, string label, Color? colour = null)
    {
        ScottPlot.Plottables.AxisLine line = vertical ? plot.Add.VerticalLine(value) : plot.Add.HorizontalLine(value);
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 2;
        line.Color = colour ?? FigureColours.Reference;
        line.Text = FigureLabels.Visual(label);
        line.LabelFontSize = 13;
    }

    /// <summary>A legend entry drawn as a filled square.</summary>
    public static void Legend(Plot plot, string label, Color colour) =>
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = FigureLabels.Visual(label), FillColor = colour });
}
