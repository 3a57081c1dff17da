using MathNet.Numerics.LinearAlgebra;

namespace GradeLens.Core.Models;

/// <summary>A fitted ridge regression in the original units: intercept plus slopes, and the penalty it was fitted with.</summary>
public sealed record RidgeFit(double Alpha, double Intercept, IReadOnlyList<double> Slopes)
{
    public double Predict(ReadOnlySpan<double> row)
    {
        var value = Intercept;
        for (var j = 0; j < row.Length; j++)
        {
            value += Slopes[j] * row[j];
        }

        return value;
    }

    public double[] Predict(FeatureMatrix x, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(rows);
        var predicted = new double[rows.Count];
        for (var t = 0; t < rows.Count; t++)
        {
            predicted[t] = Predict(x.Row(rows[t]));
        }

        return predicted;
    }
}

/// <summary>
/// Ridge regression on standardised features (each column centred and divided by its population standard deviation
/// over the training rows only), intercept unpenalised: minimises Σ(y − a − zᵀc)² + α‖c‖², as scikit-learn's
/// <c>make_pipeline(StandardScaler(), Ridge(alpha))</c>. The penalty is chosen by cross-validation inside the
/// training rows (<see cref="ChooseAlpha"/>), so the held-out rows never influence it.
/// </summary>
public static class RidgeRegression
{
    /// <summary>The default penalties tried, smallest first (on standardised features).</summary>
    public static IReadOnlyList<double> DefaultAlphas { get; } = [0.01, 0.1, 1, 10, 100, 1000, 10000];

    public static RidgeFit Fit(FeatureMatrix x, IReadOnlyList<double> y, IReadOnlyList<int> rows, double alpha) =>
        Path(CentredGram.Of(x, y, rows), [alpha])[0];

    /// <summary>
    /// The penalty with the smallest mean squared error over the inner folds of the training rows (the first of equals,
    /// as scikit-learn's GridSearchCV with neg_mean_squared_error picks); an inner fold with no rows is skipped.
    /// </summary>
    /// <param name="innerFold">Per row of <paramref name="x"/>, its inner fold.</param>
    public static double ChooseAlpha(FeatureMatrix x, IReadOnlyList<double> y, IReadOnlyList<int> rows, IReadOnlyList<int> innerFold, int innerFolds, IReadOnlyList<double>? alphas = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(innerFold);
        var grid = alphas ?? DefaultAlphas;
        var error = new double[grid.Count];
        var used = 0;
        for (var inner = 0; inner < innerFolds; inner++)
        {
            var train = rows.Where(i => innerFold[i] != inner).ToArray();
            var test = rows.Where(i => innerFold[i] == inner).ToArray();
            if (test.Length == 0 || train.Length <= x.Columns + 1)
            {
                continue;
            }

            used++;
            var fits = Path(CentredGram.Of(x, y, train), grid);
            for (var a = 0; a < grid.Count; a++)
            {
                var predicted = fits[a].Predict(x, test);
                double sse = 0;
                for (var t = 0; t < test.Length; t++)
                {
                    var e = y[test[t]] - predicted[t];
                    sse += e * e;
                }

                error[a] += sse / test.Length;
            }
        }

        if (used == 0)
        {
            throw new ArgumentException("No inner fold has both training and held-out rows.", nameof(innerFold));
        }

        var best = 0;
        for (var a = 1; a < grid.Count; a++)
        {
            if (error[a] < error[best])
            {
                best = a;
            }
        }

        return grid[best];
    }

    /// <summary>One fit per penalty from the same sufficient statistics.</summary>
    internal static RidgeFit[] Path(CentredGram gram, IReadOnlyList<double> alphas)
    {
        var p = gram.Columns;
        var scale = new double[p];
        for (var j = 0; j < p; j++)
        {
            var sd = Math.Sqrt(gram.Sxx[j, j] / gram.N);
            scale[j] = sd > 1e-12 ? sd : 1.0;
        }

        var fits = new RidgeFit[alphas.Count];
        var rhs = Vector<double>.Build.Dense(p, j => gram.Sxy[j] / scale[j]);
        for (var a = 0; a < alphas.Count; a++)
        {
            var alpha = alphas[a];
            var system = Matrix<double>.Build.Dense(p, p, (j, k) => (gram.Sxx[j, k] / (scale[j] * scale[k])) + (j == k ? alpha : 0));
            var c = alpha > 0 ? system.Cholesky().Solve(rhs) : system.Solve(rhs);
            var slopes = new double[p];
            var intercept = gram.MeanY;
            for (var j = 0; j < p; j++)
            {
                slopes[j] = c[j] / scale[j];
                intercept -= slopes[j] * gram.MeanX[j];
            }

            fits[a] = new RidgeFit(alpha, intercept, slopes);
        }

        return fits;
    }
}
