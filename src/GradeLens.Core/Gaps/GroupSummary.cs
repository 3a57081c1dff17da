using MathNet.Numerics.Distributions;

namespace GradeLens.Core.Gaps;

/// <summary>
/// A group's sufficient statistics: what SQL aggregates and every test needs. Tests and intervals are computed
/// from these alone, so no student row ever reaches C#.
/// </summary>
/// <param name="N">Students.</param>
/// <param name="Mean">Mean score.</param>
/// <param name="Variance">Sample variance (n - 1 denominator); 0 for a single student.</param>
/// <param name="Below">Students below the proficiency threshold.</param>
public sealed record GroupSummary(long N, double Mean, double Variance, long Below)
{
    public double StandardDeviation => Math.Sqrt(Variance);

    public double StandardError => N > 0 ? Math.Sqrt(Variance / N) : double.NaN;

    /// <summary>Share below proficiency, 0 to 100.</summary>
    public double PercentBelow => N > 0 ? 100.0 * Below / N : double.NaN;

    /// <summary>95% confidence interval of the mean (Student's t with n - 1 degrees of freedom); null below two students.</summary>
    public (double Lower, double Upper)? MeanInterval()
    {
        if (N < 2)
        {
            return null;
        }

        var half = T975(N - 1) * StandardError;
        return (Mean - half, Mean + half);
    }

    /// <summary>
    /// The 97.5% quantile of Student's t. From 100 degrees of freedom, the Cornish-Fisher expansion in 1/df to the
    /// fourth term (error under 1e-10 there, and no root finding: hundreds of cells cost microseconds); below, MathNet's.
    /// </summary>
    internal static double T975(double df)
    {
        if (df < 100)
        {
            return StudentT.InvCDF(0, 1, df, 0.975);
        }

        const double z = 1.959963984540054;
        const double z2 = z * z;
        var g1 = (z2 + 1) * z / 4;
        var g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        var g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        var g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
    }

    /// <summary>Pools two disjoint groups (Chan et al.'s parallel update of the sum of squared deviations).</summary>
    public GroupSummary Combine(GroupSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (N == 0)
        {
            return other;
        }

        if (other.N == 0)
        {
            return this;
        }

        var n = N + other.N;
        var delta = other.Mean - Mean;
        var mean = Mean + delta * other.N / n;
        var squares = SumOfSquares + other.SumOfSquares + delta * delta * N * other.N / n;
        return new GroupSummary(n, mean, n > 1 ? squares / (n - 1) : 0, Below + other.Below);
    }

    /// <summary>Every group but one pooled: the "rest" a group is compared with when an attribute has more than two values.</summary>
    public static GroupSummary Pool(IEnumerable<GroupSummary> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return groups.Aggregate(Empty, (pooled, group) => pooled.Combine(group));
    }

    public static GroupSummary Empty { get; } = new(0, 0, 0, 0);

    private double SumOfSquares => N > 1 ? Variance * (N - 1) : 0;
}
