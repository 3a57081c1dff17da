using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace GradeLens.Core.Models;

/// <summary>One coefficient of a linear model with its standard error, t statistic and two-sided p-value.</summary>
public sealed record OlsCoefficient(string Name, double Estimate, double StandardError, double T, double P);

/// <summary>An ordinary least-squares fit. The first coefficient is the intercept ("const").</summary>
public sealed record OlsFit(IReadOnlyList<OlsCoefficient> Coefficients, double RSquared, double AdjustedRSquared, int N, double ResidualStandardError)
{
    public double Predict(ReadOnlySpan<double> row)
    {
        var value = Coefficients[0].Estimate;
        for (var j = 0; j < row.Length; j++)
        {
            value += Coefficients[j + 1].Estimate * row[j];
        }

        return value;
    }
}

/// <summary>Ordinary least squares with an intercept, solved by QR (stable for one-hot columns); classical standard errors.</summary>
public static class OrdinaryLeastSquares
{
    public const string InterceptName = "const";

    public static OlsFit Fit(FeatureMatrix x, IReadOnlyList<double> y, int[]? rows = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var selected = rows ?? Enumerable.Range(0, x.Rows).ToArray();
        var n = selected.Length;
        var p = x.Columns + 1;
        if (n <= p)
        {
            throw new ArgumentException($"{n} rows cannot fit {p} coefficients.", nameof(rows));
        }

        var design = Matrix<double>.Build.Dense(n, p, (i, j) => j == 0 ? 1.0 : x[selected[i], j - 1]);
        var target = Vector<double>.Build.Dense(n, i => y[selected[i]]);
        var qr = design.QR();
        var beta = qr.Solve(target);
        var residuals = target - (design * beta);
        var rss = residuals.DotProduct(residuals);
        var mean = target.Average();
        var tss = target.Subtract(mean).DotProduct(target.Subtract(mean));
        var df = n - p;
        var sigma2 = rss / df;

        // (X'X)⁻¹ = R⁻¹ R⁻ᵀ from the QR factor.
        var rInverse = qr.R.SubMatrix(0, p, 0, p).Inverse();
        var xtxInverse = rInverse * rInverse.Transpose();
        var coefficients = new List<OlsCoefficient>(p);
        for (var j = 0; j < p; j++)
        {
            var se = Math.Sqrt(sigma2 * xtxInverse[j, j]);
            var t = beta[j] / se;
            coefficients.Add(new OlsCoefficient(j == 0 ? InterceptName : x.Names[j - 1], beta[j], se, t, TwoSidedStudentP(t, df)));
        }

        var r2 = 1 - (rss / tss);
        return new OlsFit(coefficients, r2, 1 - ((1 - r2) * (n - 1) / df), n, Math.Sqrt(sigma2));
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="df"/> degrees of freedom, via the regularised incomplete beta (keeps tiny p-values relatively exact).</summary>
    public static double TwoSidedStudentP(double t, double df) =>
        double.IsNaN(t) ? double.NaN : SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
}
