using GradeLens.Core.Models;
using MathNet.Numerics.LinearAlgebra;

namespace GradeLens.Core.Areas;

/// <summary>The OLS fit of one score: the model, or null with the reason it cannot be trusted.</summary>
public sealed record AreaFit(string Score, int N, AreaModel? Model, string? Reason);

/// <summary>
/// OLS of each score on the chosen measures over the area-years that have them all (statsmodels' OLS with a constant).
/// Solved from the centred cross-products in the correlation scale, so incomes in tens of thousands next to rates in
/// units cost no precision; one pass for the moments and one for the residuals, leverages and ranges.
/// </summary>
public static class AreaRegression
{
    /// <summary>Above this condition number of the measures' correlation matrix the coefficients are not reported.</summary>
    public const double MaxConditionNumber = 1e10;

    /// <summary>Every score fitted on the same measures, in parallel.</summary>
    public static IReadOnlyList<AreaFit> FitAll(AreaPanel panel, IReadOnlyList<string> measures, IReadOnlyList<string>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(measures);
        var x = panel.Features(measures);
        var names = scores ?? panel.ScoreNames;
        var fits = new AreaFit[names.Count];
        Parallel.For(0, names.Count, k => fits[k] = Fit(x, panel.ScoreColumn(names[k]), panel.CompleteRows(measures, names[k]), names[k]));
        return fits;
    }

    public static AreaFit Fit(AreaPanel panel, string score, IReadOnlyList<string> measures)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return Fit(panel.Features(measures), panel.ScoreColumn(score), panel.CompleteRows(measures, score), score);
    }

    /// <param name="rows">The rows to fit on: every one finite in <paramref name="x"/> and <paramref name="y"/>.</param>
    public static AreaFit Fit(FeatureMatrix x, IReadOnlyList<double> y, IReadOnlyList<int> rows, string score)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(rows);
        var p = x.Columns;
        var n = rows.Count;
        if (n <= p + 1)
        {
            return new AreaFit(score, n, null, $"{n} area-years cannot fit {p + 1} coefficients of {score}.");
        }

        var gram = CentredGram.Of(x, y, rows);
        if (gram.Syy <= 0)
        {
            return new AreaFit(score, n, null, $"{score} does not vary over these {n} area-years.");
        }

        var scale = new double[p];
        for (var j = 0; j < p; j++)
        {
            scale[j] = Math.Sqrt(gram.Sxx[j, j]);
            if (!(scale[j] > 1e-12 * Math.Max(1, Math.Abs(gram.MeanX[j]))))
            {
                return new AreaFit(score, n, null, $"{x.Names[j]} does not vary over these {n} area-years.");
            }
        }

        var correlation = Matrix<double>.Build.Dense(p, p, (j, k) => gram.Sxx[j, k] / (scale[j] * scale[k]));
        var eigen = correlation.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
        if (eigen.Min() <= eigen.Max() / MaxConditionNumber)
        {
            return new AreaFit(score, n, null, $"The measures {string.Join(", ", x.Names)} are collinear: their coefficients cannot be separated.");
        }

        var inverse = correlation.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p));
        var s = Matrix<double>.Build.Dense(p, p, (j, k) => inverse[j, k] / (scale[j] * scale[k]));
        var slopes = s * Vector<double>.Build.Dense(gram.Sxy);
        var intercept = gram.MeanY - slopes.DotProduct(Vector<double>.Build.Dense(gram.MeanX));
        var (rss, ranges, maxLeverage) = ResidualPass(x, y, rows, gram.MeanX, s, intercept, slopes);
        if (!(rss > 0))
        {
            return new AreaFit(score, n, null, $"{score} is fitted exactly: no residual variance to give standard errors.");
        }

        var df = n - p - 1;
        var sigma2 = rss / df;
        var xtx = XtxInverse(gram, s);
        var tCritical = StudentQuantile.TwoSided(df);
        var coefficients = new List<AreaCoefficient>(p + 1);
        for (var j = 0; j <= p; j++)
        {
            var estimate = j == 0 ? intercept : slopes[j - 1];
            var se = Math.Sqrt(sigma2 * xtx[j][j]);
            var t = estimate / se;
            coefficients.Add(new AreaCoefficient(j == 0 ? AreaModel.InterceptName : x.Names[j - 1], estimate, se, t,
                OrdinaryLeastSquares.TwoSidedStudentP(t, df), estimate - (tCritical * se), estimate + (tCritical * se)));
        }

        var r2 = 1 - (rss / gram.Syy);
        var model = new AreaModel(score, [.. x.Names], n, df, coefficients, r2, 1 - ((1 - r2) * (n - 1) / df), Math.Sqrt(sigma2), sigma2,
            xtx, gram.MeanX, ranges, maxLeverage, tCritical);
        return new AreaFit(score, n, model, null);
    }

    /// <summary>(XᵀX)⁻¹ with the intercept first: [[1/n + x̄ᵀS⁻¹x̄, −(S⁻¹x̄)ᵀ], [−S⁻¹x̄, S⁻¹]].</summary>
    private static IReadOnlyList<IReadOnlyList<double>> XtxInverse(CentredGram gram, Matrix<double> s)
    {
        var p = gram.Columns;
        var means = Vector<double>.Build.Dense(gram.MeanX);
        var sm = s * means;
        var rows = new double[p + 1][];
        for (var j = 0; j <= p; j++)
        {
            rows[j] = new double[p + 1];
            for (var k = 0; k <= p; k++)
            {
                rows[j][k] = (j, k) switch
                {
                    (0, 0) => (1.0 / gram.N) + means.DotProduct(sm),
                    (0, _) => -sm[k - 1],
                    (_, 0) => -sm[j - 1],
                    _ => s[j - 1, k - 1],
                };
            }
        }

        return rows;
    }

    private static (double Rss, MeasureRange[] Ranges, double MaxLeverage) ResidualPass(
        FeatureMatrix x, IReadOnlyList<double> y, IReadOnlyList<int> rows, double[] means, Matrix<double> s, double intercept, Vector<double> slopes)
    {
        var p = x.Columns;
        var min = Enumerable.Repeat(double.PositiveInfinity, p).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, p).ToArray();
        var sArray = s.ToArray();
        var b = slopes.ToArray();
        double rss = 0, maxLeverage = 0;
        Span<double> d = stackalloc double[p];
        foreach (var i in rows)
        {
            var row = x.Row(i);
            var fitted = intercept;
            for (var j = 0; j < p; j++)
            {
                fitted += b[j] * row[j];
                d[j] = row[j] - means[j];
                min[j] = Math.Min(min[j], row[j]);
                max[j] = Math.Max(max[j], row[j]);
            }

            var e = y[i] - fitted;
            rss += e * e;
            var h = 1.0 / rows.Count;
            for (var j = 0; j < p; j++)
            {
                var sd = 0.0;
                for (var k = 0; k < p; k++)
                {
                    sd += sArray[j, k] * d[k];
                }

                h += d[j] * sd;
            }

            maxLeverage = Math.Max(maxLeverage, h);
        }

        return (rss, [.. x.Names.Select((name, j) => new MeasureRange(name, min[j], max[j]))], maxLeverage);
    }
}
