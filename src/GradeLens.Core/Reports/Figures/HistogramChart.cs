using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

/// <summary>A bin's range and how many fall in it (counted in SQL; the figure never sees a row).</summary>
public sealed record HistogramBin(double Lower, double Upper, long Count);

/// <summary>A policy limit drawn as a vertical line (20 working days, a risk cut-off).</summary>
public sealed record PolicyLine(double Value, string Label);

/// <summary>Counts per bin as touching bars, with the policy line across them.</summary>
public sealed record HistogramChart(FigureText Text, IReadOnlyList<HistogramBin> Bins, PolicyLine? Policy = null) : Figure(Text)
{
    internal override void Draw(Plot plot)
    {
        var bars = Bins.Select(b => new Bar
        {
            Position = (b.Lower + b.Upper) / 2,
            Size = b.Upper - b.Lower,
            Value = b.Count,
            FillColor = FigureColours.Of(0),
            LineColor = Colors.White,
        }).ToList();
        plot.Add.Bars(bars);
        if (Policy is { } policy)
        {
            FigureAxes.Reference(plot, vertical: true, policy.Value, policy.Label, FigureColours.Marked);
        }

        plot.Axes.Margins(bottom: 0);
    }
}
