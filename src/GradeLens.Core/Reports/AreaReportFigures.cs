using System.Globalization;
using GradeLens.Core.Areas;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Reports;

/// <summary>The areas study's figures, drawn from the Areas page's answers.</summary>
public static class AreaReportFigures
{
    /// <summary>A measure against a score, a point per area-year, with the OLS line and its 95% band; null without points.</summary>
    public static FitChart? Scatter(AreaScatter scatter)
    {
        ArgumentNullException.ThrowIfNull(scatter);
        if (scatter.Points.Count == 0)
        {
            return null;
        }

        var fit = scatter.Slope is { } slope && scatter.RSquared is { } r2
            ? Invariant($"slope {slope.Estimate:0.###} points per unit of the measure (95% {slope.Lower:0.###} to {slope.Upper:0.###}), R² {r2:0.###}, r {scatter.R:0.###}")
            : scatter.Reason ?? "no line";
        var text = new FigureText(Invariant($"{scatter.Score} against {Name(scatter.Measure)}, {scatter.Points.Count} area-years"), Label(scatter.Measure),
            $"{scatter.Score} (average scale score)",
            $"A point per area and year; OLS line of the score on {scatter.Measure} with the 95% confidence band of the mean; {fit}.");
        return new FitChart(text, [.. scatter.Points.Select(p => new ScatterPoint(p.Measure, p.Score))],
            [.. scatter.Line.Select(l => new FitPoint(l.Measure, l.Fitted, l.Lower, l.Upper))],
            LineLegend: scatter.RSquared is { } r ? Invariant($"OLS line (R² {r:0.###})") : "OLS line");
    }

    /// <summary>Pearson's r of every measure (rows) with every score (columns); null when the table is empty.</summary>
    public static HeatmapChart? Correlations(IReadOnlyList<AreaCorrelation> correlations)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        if (correlations.Count == 0 || correlations.All(c => c.R is null))
        {
            return null;
        }

        var measures = correlations.Select(c => c.Measure).Distinct().ToList();
        var scores = correlations.Select(c => c.Score).Distinct().ToList();
        var text = new FigureText("Pearson's r of each measure with each score", "Score", "Measure",
            "Over the area-years with both figures; -1 to 1; intervals, p, q (Benjamini-Hochberg) and Spearman's rho in area_correlations.csv; grey: r not computable.");
        return new HeatmapChart(text, scores, measures, [.. correlations.Select(c => new HeatmapValue(c.Score, c.Measure, c.R))], "Pearson's r");
    }

    /// <summary>"poverty_percent" as "poverty (%)", the study's measures with their units; others as named.</summary>
    public static string Label(string measure) => measure switch
    {
        AreaNames.Poverty => "poverty (% of people)",
        AreaNames.MedianIncome => "median household income ($)",
        AreaNames.Unemployment => "unemployment (% of the labour force)",
        _ => measure,
    };

    /// <summary>The measure's name without its unit, for a title.</summary>
    public static string Name(string measure) => measure switch
    {
        AreaNames.Poverty => "poverty",
        AreaNames.MedianIncome => "median household income",
        AreaNames.Unemployment => "unemployment",
        _ => measure,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
