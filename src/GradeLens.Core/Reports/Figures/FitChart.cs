using ScottPlot;

namespace GradeLens.Core.Reports.Figures;

/// <summary>A point of a fitted line, with the 95% confidence band of the mean there.</summary>
public sealed record FitPoint(double X, double Fitted, double Lower, double Upper);

/// <summary>
/// Points (an area in a year) with the least-squares line through them and its 95% confidence band: the Areas
/// scatter of a measure against a score. <paramref name="LineLegend"/> names the line and its fit ("OLS, R² 0.41"); the
/// method note names the band (the legend shows the points and the line).
/// </summary>
public sealed record FitChart(
    FigureText Text,
    IReadOnlyList<ScatterPoint> Points,
    IReadOnlyList<FitPoint> Line,
    string PointsLegend = "area-years",
    string LineLegend = "OLS line") : Figure(Text)
{
    internal override void Draw(Plot plot)
    {
        if (Points.Count > 0)
        {
            var points = plot.Add.Markers(Points.Select(p => p.X).ToArray(), Points.Select(p => p.Y).ToArray(), MarkerShape.FilledCircle, 6, FigureColours.Of(0).WithAlpha(0.55));
            points.LegendText = FigureLabels.Visual(PointsLegend);
        }

        if (Line.Count > 1)
        {
            var band = plot.Add.FillY([.. Line.Select(p => p.X)], [.. Line.Select(p => p.Lower)], [.. Line.Select(p => p.Upper)]);
            band.FillColor = FigureColours.Marked.WithAlpha(0.25);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(Line.Select(p => p.X).ToArray(), Line.Select(p => p.Fitted).ToArray(), FigureColours.Marked);
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.LegendText = FigureLabels.Visual(LineLegend);
        }

        plot.ShowLegend(Alignment.UpperRight);
    }
}
