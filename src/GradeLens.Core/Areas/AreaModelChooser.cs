using System.Globalization;

namespace GradeLens.Core.Areas;

/// <summary>
/// Chooses the page's model from the grouped-by-area cross-validation: the best mean R², unless its lead over OLS is
/// within noise (at most twice the standard error of the paired fold differences), then OLS, whose prediction
/// intervals are exact.
/// </summary>
public static class AreaModelChooser
{
    /// <summary>How many standard errors of the paired fold differences a model must lead OLS by to be chosen over it.</summary>
    public const double NoiseMultiple = 2.0;

    /// <param name="grouped">Each model's grouped-CV R² per fold, the folds paired across models (same folds, same order).</param>
    public static AreaModelChoice Choose(IReadOnlyList<(string Model, IReadOnlyList<double> FoldRSquared)> grouped)
    {
        ArgumentNullException.ThrowIfNull(grouped);
        var usable = grouped.Where(g => g.FoldRSquared.Count > 0).ToList();
        if (usable.Count == 0)
        {
            return new AreaModelChoice("OLS", "OLS: no model could be cross-validated by area, so the page shows the linear fit and its intervals only.");
        }

        var best = usable.MaxBy(g => g.FoldRSquared.Average());
        var ols = usable.FirstOrDefault(g => g.Model == "OLS");
        var bestR2 = best.FoldRSquared.Average();
        if (ols.Model is null)
        {
            return new AreaModelChoice(best.Model, Text($"{best.Model}: it has the best grouped-by-area cross-validated R² ({bestR2:F3}); OLS was not compared."));
        }

        var olsR2 = ols.FoldRSquared.Average();
        if (best.Model == "OLS" || best.FoldRSquared.Count != ols.FoldRSquared.Count)
        {
            return new AreaModelChoice("OLS", Text($"OLS: it has the best grouped-by-area cross-validated R² ({olsR2:F3}), and it alone gives exact prediction intervals."));
        }

        var differences = best.FoldRSquared.Zip(ols.FoldRSquared, (b, o) => b - o).ToArray();
        var mean = differences.Average();
        var se = differences.Length > 1
            ? Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1) / differences.Length)
            : double.PositiveInfinity;
        if (mean <= NoiseMultiple * se)
        {
            return new AreaModelChoice("OLS", Text(
                $"OLS: {best.Model}'s grouped-by-area cross-validated R² ({bestR2:F3}) is within noise of OLS's ({olsR2:F3}; difference {Small(mean)}, standard error {Small(se)} over {differences.Length} folds), and OLS gives exact prediction intervals."));
        }

        return new AreaModelChoice(best.Model, Text(
            $"{best.Model}: its grouped-by-area cross-validated R² ({bestR2:F3}) beats OLS's ({olsR2:F3}) by {Small(mean)}, more than twice the standard error of the fold differences ({Small(se)}); its predictions carry no exact interval."));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Three decimals, or two significant digits for a difference too small to show in three (ridge against OLS on a million rows).</summary>
    private static string Small(double value) =>
        value.ToString(value != 0 && Math.Abs(value) < 0.001 ? "G2" : "F3", CultureInfo.InvariantCulture);
}
