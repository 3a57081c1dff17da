namespace GradeLens.Core.Gaps;

/// <summary>
/// Hedges' g of A against B: the mean difference over the pooled standard deviation, times the small-sample
/// correction J = 1 - 3 / (4 (nA + nB) - 9); with a 95% interval from its large-sample standard error
/// sqrt((nA + nB) / (nA nB) + g^2 / (2 (nA + nB))) (Hedges and Olkin, 1985).
/// </summary>
public sealed record HedgesG(double G, double StandardError, double Lower, double Upper)
{
    private const double Z975 = 1.959963984540054;

    /// <summary>Null when undefined: fewer than two students in a group, or no spread at all.</summary>
    public static HedgesG? Compute(GroupSummary a, GroupSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.N < 2 || b.N < 2)
        {
            return null;
        }

        double n = a.N + b.N;
        var pooled = Math.Sqrt(((a.N - 1) * a.Variance + (b.N - 1) * b.Variance) / (n - 2));
        if (pooled <= 0)
        {
            return null;
        }

        var g = (a.Mean - b.Mean) / pooled * (1 - 3 / (4 * n - 9));
        var se = Math.Sqrt(n / ((double)a.N * b.N) + g * g / (2 * n));
        return new HedgesG(g, se, g - Z975 * se, g + Z975 * se);
    }
}
