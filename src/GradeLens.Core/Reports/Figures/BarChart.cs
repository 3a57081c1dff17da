using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

/// <summary>One bar: its category on the axis, its series (a colour and a legend entry) and, when known, its interval.</summary>
public sealed record BarValue(string Category, string Series, double Value, double? Lower = null, double? Upper = null);

/// <summary>
/// Bars per category, side by side when there are several series, each with its interval as an error bar (asymmetric:
/// a gap's Welch interval, an AUC's DeLong interval). <paramref name="Base"/> is where bars start: 0, or 1 for odds ratios
/// (a bar then shows the distance from "no effect", and a dashed line marks it).
/// </summary>
public sealed record BarChart(FigureText Text, IReadOnlyList<BarValue> Bars, double Base = 0, bool Horizontal = false) : Figure(Text)
{
    internal override void Draw(Plot plot)
    {
        var categories = Bars.Select(b => b.Category).Distinct().ToList();
        var series = Bars.Select(b => b.Series).Distinct().ToList();
        var width = 0.8 / series.Count;
        var orientation = Horizontal ? Orientation.Horizontal : Orientation.Vertical;
        var bars = new List<Bar>();
        var (positions, values, above, below) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        foreach (var bar in Bars)
        {
            var s = series.IndexOf(bar.Series);
            var position = categories.IndexOf(bar.Category) - 0.4 + (width * (s + 0.5));
            bars.Add(new Bar { Position = position, Value = bar.Value, ValueBase = Base, Size = width * 0.9, FillColor = FigureColours.Of(s), Orientation = orientation });
            if (bar.Lower is { } lower && bar.Upper is { } upper)
            {
                positions.Add(position);
                values.Add(bar.Value);
                above.Add(Math.Max(0, upper - bar.Value));
                below.Add(Math.Max(0, bar.Value - lower));
            }
        }

        plot.Add.Bars(bars);
        if (positions.Count > 0)
        {
            var errors = Horizontal
                ? new ScottPlot.Plottables.ErrorBar(values, positions, above, below, null!, null!)
                : new ScottPlot.Plottables.ErrorBar(positions, values, null!, null!, above, below);
            errors.Color = FigureColours.Reference;
            errors.LineWidth = 1.5f;
            plot.Add.Plottable(errors);
        }

        if (Base != 0)
        {
            FigureAxes.Reference(plot, Horizontal, Base, FigureLabels.Number(Base, 2));
        }

        FigureAxes.Categories(plot, categories, vertical: Horizontal);
        if (series.Count > 1)
        {
            for (var s = 0; s < series.Count; s++)
            {
                FigureAxes.Legend(plot, series[s], FigureColours.Of(s));
            }

            plot.ShowLegend(Alignment.UpperRight);
        }
    }
}
