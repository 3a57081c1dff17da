namespace GradeLens.Core.Models;

/// <summary>Spearman's rho with its two-sided p-value (Student's t with n − 2 degrees of freedom, as scipy's spearmanr).</summary>
public sealed record SpearmanCorrelation(double Rho, double P, int N);

public static class RankCorrelation
{
    /// <summary>Pearson's r of the ranks (ties get their average rank); null when either list is constant.</summary>
    public static SpearmanCorrelation? Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var n = a.Count;
        if (n != b.Count || n < 3)
        {
            throw new ArgumentException("Spearman's rho needs two equally long lists of at least 3 values.", nameof(b));
        }

        var ra = Ranks(a);
        var rb = Ranks(b);
        var mean = (n + 1) / 2.0;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n; i++)
        {
            var da = ra[i] - mean;
            var db = rb[i] - mean;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        if (saa <= 0 || sbb <= 0)
        {
            return null;
        }

        var rho = Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1);
        double df = n - 2;
        var t = rho * Math.Sqrt(df / ((1 + rho) * (1 - rho)));
        return new SpearmanCorrelation(rho, OrdinaryLeastSquares.TwoSidedStudentP(t, df), n);
    }

    /// <summary>Ranks from 1, ties sharing their average rank (scipy's rankdata "average").</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
