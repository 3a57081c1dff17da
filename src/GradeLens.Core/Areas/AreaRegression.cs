using GradeLens.Core.Models;

namespace GradeLens.Core.Areas;

/// <summary>The OLS fit of one score: the model, or null with the reason it cannot be trusted.</summary>
public sealed record AreaFit(string Score, int N, AreaModel? Model, string? Reason);

/// <summary>
/// OLS of each score on the chosen measures over the area-years that have them all (statsmodels' OLS with a constant).
/// The measures' part (<see cref="AreaDesign"/>: means, ranges, S⁻¹, largest leverage) is computed once and shared by
/// every score fitted on the same rows; each score then costs one pass for Σ(x − x̄)(y − c) and Σ(y − c)².
/// </summary>
public static class AreaRegression
{
    /// <summary>Every score fitted on the same measures; scores with the same complete rows share one design.</summary>
    public static IReadOnlyList<AreaFit> FitAll(AreaPanel panel, IReadOnlyList<string> measures, IReadOnlyList<string>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(measures);
        var x = panel.Features(measures);
        var names = scores ?? panel.ScoreNames;
        var measured = panel.CompleteRows(measures, null);
        var y = names.Select(panel.ScoreColumn).ToArray();
        var rows = y.Select(score => Array.FindAll(measured, i => !double.IsNaN(score[i]))).ToArray();
        var designs = new AreaDesign[names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            var same = Array.FindIndex(rows, 0, k, r => r.AsSpan().SequenceEqual(rows[k]));
            designs[k] = same >= 0 ? designs[same] : AreaDesign.Of(x, rows[k]);
        }

        var fits = new AreaFit[names.Count];
        Parallel.For(0, names.Count, k => fits[k] = Fit(designs[k], y[k], names[k]));
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
        ArgumentNullException.ThrowIfNull(rows);
        return Fit(AreaDesign.Of(x, [.. rows]), y, score);
    }

    internal static AreaFit Fit(AreaDesign design, IReadOnlyList<double> y, string score)
    {
        ArgumentNullException.ThrowIfNull(y);
        var n = design.N;
        if (design.Refusal is not null)
        {
            return new AreaFit(score, n, null, design.Refusal);
        }

        var x = design.X;
        var p = x.Columns;
        var (sxy, meanY, syy) = ScoreMoments(design, y);
        if (!(syy > 0))
        {
            return new AreaFit(score, n, null, $"{score} does not vary over these {n} area-years.");
        }

        var slopes = new double[p];
        var intercept = meanY;
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < p; k++)
            {
                slopes[j] += design.Inverse[j, k] * sxy[k];
            }

            intercept -= slopes[j] * design.Means[j];
        }

        var rss = syy - slopes.Select((b, j) => b * sxy[j]).Sum();
        if (rss < 1e-6 * syy)
        {
            rss = DirectRss(design, y, intercept, slopes);
        }

        if (!(rss > 0))
        {
            return new AreaFit(score, n, null, $"{score} is fitted exactly: no residual variance to give standard errors.");
        }

        var df = n - p - 1;
        var sigma2 = rss / df;
        var xtx = XtxInverse(design);
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

        var r2 = 1 - (rss / syy);
        var model = new AreaModel(score, [.. x.Names], n, df, coefficients, r2, 1 - ((1 - r2) * (n - 1) / df), Math.Sqrt(sigma2), sigma2,
            xtx, design.Means, design.Ranges, design.MaxLeverage, tCritical);
        return new AreaFit(score, n, model, null);
    }

    /// <summary>Σ(x − x̄)(y − c), the mean of y and Σ(y − ȳ)², in one pass with y shifted by its first value c.</summary>
    private static (double[] Sxy, double MeanY, double Syy) ScoreMoments(AreaDesign design, IReadOnlyList<double> y)
    {
        var p = design.X.Columns;
        var values = y as double[] ?? [.. y];
        var shift = values[design.Rows[0]];
        var means = design.Means;
        var sxy = new double[p];
        double sum = 0, squares = 0;
        foreach (var i in design.Rows)
        {
            var e = values[i] - shift;
            sum += e;
            squares += e * e;
            var row = design.X.Row(i);
            for (var j = 0; j < p; j++)
            {
                sxy[j] += (row[j] - means[j]) * e;
            }
        }

        var n = design.N;
        return (sxy, shift + (sum / n), squares - (sum * sum / n));
    }

    private static double DirectRss(AreaDesign design, IReadOnlyList<double> y, double intercept, double[] slopes)
    {
        var rss = 0.0;
        foreach (var i in design.Rows)
        {
            var row = design.X.Row(i);
            var e = y[i] - intercept;
            for (var j = 0; j < slopes.Length; j++)
            {
                e -= slopes[j] * row[j];
            }

            rss += e * e;
        }

        return rss;
    }

    /// <summary>(XᵀX)⁻¹ with the intercept first: [[1/n + x̄ᵀS⁻¹x̄, −(S⁻¹x̄)ᵀ], [−S⁻¹x̄, S⁻¹]].</summary>
    private static IReadOnlyList<IReadOnlyList<double>> XtxInverse(AreaDesign design)
    {
        var p = design.X.Columns;
        var s = design.Inverse;
        var sm = new double[p];
        var quadratic = 1.0 / design.N;
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < p; k++)
            {
                sm[j] += s[j, k] * design.Means[k];
            }

            quadratic += design.Means[j] * sm[j];
        }

        var rows = new double[p + 1][];
        for (var j = 0; j <= p; j++)
        {
            rows[j] = new double[p + 1];
            for (var k = 0; k <= p; k++)
            {
                rows[j][k] = (j, k) switch
                {
                    (0, 0) => quadratic,
                    (0, _) => -sm[k - 1],
                    (_, 0) => -sm[j - 1],
                    _ => s[j - 1, k - 1],
                };
            }
        }

        return rows;
    }
}
