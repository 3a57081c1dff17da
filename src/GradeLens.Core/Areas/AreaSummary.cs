using System.Globalization;

namespace GradeLens.Core.Areas;

/// <summary>The Areas page's overview (areas, years, figures with their ranges) and its scatter of a measure against a score.</summary>
public static class AreaSummary
{
    /// <summary>Points of the fitted line drawn across the measure's range.</summary>
    public const int LinePoints = 41;

    public static AreaOverview Overview(AreaStoreData data, AreaJoinReport join)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(join);
        var panel = data.Panel;
        var measures = panel.MeasureNames.Select(m => Range(panel, m, isScore: false, data.SubAreas)).ToList();
        var scores = panel.ScoreNames.Select(s => Range(panel, s, isScore: true, [])).ToList();
        var parents = data.SubAreas.Select(s => s.ParentArea).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        int? subAreaYear = data.SubAreas.Count == 0 ? null : data.SubAreas.Max(s => s.Year);
        return new AreaOverview(
            panel.Areas.Distinct(StringComparer.Ordinal).Count(), panel.Rows, [.. panel.Years.Distinct().Order()], measures, scores,
            AreaChoice.ModelMeasures(panel), AreaChoice.ModelScores(panel), data.SubAreas.Count, subAreaYear, parents,
            join.Issues.Count, join.Summary, [AreaNotes.StateModelElsewhere, AreaNotes.Extrapolation]);
    }

    /// <summary>
    /// A point per area-year that has both figures (in <paramref name="year"/> only, when given), and the OLS line of
    /// the score on the measure with the 95% confidence band of the mean score along it.
    /// </summary>
    public static AreaScatter Scatter(AreaPanel panel, string measure, string score, int? year)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var years = panel.Years.Distinct().Order().ToList();
        if (!panel.MeasureNames.Contains(measure) || !panel.ScoreNames.Contains(score))
        {
            return new AreaScatter(measure, score, year, years, [], [], null, null, null, $"No scored area has both {measure} and {score}.");
        }

        var rows = panel.CompleteRows([measure], score).Where(i => year is null || panel.Years[i] == year).ToArray();
        var m = panel.MeasureIndex(measure);
        var k = panel.ScoreIndex(score);
        var points = rows.Select(i => new AreaScatterPoint(panel.Areas[i], panel.Years[i], panel.Measure(i, m), panel.Score(i, k))).ToList();
        var fit = rows.Length < 4 ? null : AreaRegression.Fit(panel.Features([measure]), panel.ScoreColumn(score), rows, score);
        if (fit?.Model is not { } model)
        {
            var reason = fit?.Reason ?? Text($"{rows.Length} area-years have both {measure} and {score}{(year is null ? "" : Text($" in {year}"))}; a line needs at least 4.");
            return new AreaScatter(measure, score, year, years, points, [], null, null, null, reason);
        }

        var (low, high) = (points.Min(p => p.Measure), points.Max(p => p.Measure));
        var line = Enumerable.Range(0, LinePoints).Select(t =>
        {
            var x = low + ((high - low) * t / (LinePoints - 1));
            var prediction = model.Predict([x]);
            return new AreaLinePoint(x, prediction.Predicted, prediction.MeanLower, prediction.MeanUpper);
        }).ToList();
        var slope = model.Coefficients[1];
        return new AreaScatter(measure, score, year, years, points, line, slope, model.RSquared, Math.Sign(slope.Estimate) * Math.Sqrt(model.RSquared), null);
    }

    private static AreaFigureRange Range(AreaPanel panel, string name, bool isScore, IReadOnlyList<AreaObservation> subAreas)
    {
        var column = isScore ? panel.ScoreIndex(name) : panel.MeasureIndex(name);
        var rows = Enumerable.Range(0, panel.Rows).Where(i => !double.IsNaN(isScore ? panel.Score(i, column) : panel.Measure(i, column))).ToList();
        var values = rows.Select(i => isScore ? panel.Score(i, column) : panel.Measure(i, column)).ToList();
        var sub = subAreas.Where(s => s.Measures.TryGetValue(name, out var v) && double.IsFinite(v)).Select(s => s.Measures[name]).ToList();
        return values.Count == 0
            ? new AreaFigureRange(name, 0, 0, 0, 0, 0, sub.Count == 0 ? null : sub.Min(), sub.Count == 0 ? null : sub.Max())
            : new AreaFigureRange(name, values.Count, values.Min(), values.Max(), rows.Min(i => panel.Years[i]), rows.Max(i => panel.Years[i]),
                sub.Count == 0 ? null : sub.Min(), sub.Count == 0 ? null : sub.Max());
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
