namespace GradeLens.Core.Models;

/// <summary>How well predictions of held-out rows fit. R² is null when the held-out scores do not vary (it is undefined then).</summary>
public sealed record RegressionScore(double? RSquared, double Rmse, double Mae, int N);

/// <summary>R² (against the held-out rows' own mean, as scikit-learn's r2_score), RMSE and MAE.</summary>
public static class RegressionMetrics
{
    /// <param name="predicted">One prediction per entry of <paramref name="rows"/>, in the same order.</param>
    public static RegressionScore Score(IReadOnlyList<double> y, IReadOnlyList<int> rows, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predicted);
        if (rows.Count == 0 || rows.Count != predicted.Count)
        {
            throw new ArgumentException($"{predicted.Count} predictions for {rows.Count} rows.", nameof(predicted));
        }

        double mean = 0;
        for (var t = 0; t < rows.Count; t++)
        {
            mean += y[rows[t]];
        }

        mean /= rows.Count;
        double residual = 0, total = 0, absolute = 0;
        for (var t = 0; t < rows.Count; t++)
        {
            var actual = y[rows[t]];
            var e = actual - predicted[t];
            residual += e * e;
            absolute += Math.Abs(e);
            total += (actual - mean) * (actual - mean);
        }

        double? r2 = total > 0 ? 1 - (residual / total) : null;
        return new RegressionScore(r2, Math.Sqrt(residual / rows.Count), absolute / rows.Count, rows.Count);
    }
}
