using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace GradeLens.Core.Models;

/// <summary>Pearson's r with its two-sided p-value (exact, from the beta distribution of r under independence) and a 95% Fisher-z interval.</summary>
public sealed record PearsonCorrelation(double R, double P, double Lower, double Upper, int N);

public static class Correlation
{
    public static PearsonCorrelation Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var n = a.Count;
        if (n != b.Count || n < 4)
        {
            throw new ArgumentException("Pearson's r needs two equally long lists of at least 4 values.", nameof(b));
        }

        var meanA = a.Average();
        var meanB = b.Average();
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n; i++)
        {
            var da = a[i] - meanA;
            var db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        var r = Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1);

        // Under independence (r + 1) / 2 ~ Beta(n/2 − 1, n/2 − 1).
        var shape = (n / 2.0) - 1;
        var p = Math.Min(1, 2 * SpecialFunctions.BetaRegularized(shape, shape, (1 - Math.Abs(r)) / 2));
        var z = Math.Atanh(r);
        var half = Normal.InvCDF(0, 1, 0.975) / Math.Sqrt(n - 3);
        return new PearsonCorrelation(r, p, Math.Tanh(z - half), Math.Tanh(z + half), n);
    }
}
