using MathNet.Numerics;

namespace GradeLens.Core.Gaps;

/// <summary>
/// Two-proportion z-test of the shares below proficiency, A minus B, with the pooled proportion in the standard
/// error (as statsmodels' proportions_ztest), two-sided.
/// </summary>
/// <param name="PercentBelowA">Share of A below proficiency, 0 to 100.</param>
/// <param name="GapPercentagePoints">A's share minus B's, in percentage points.</param>
public sealed record ProportionTest(double PercentBelowA, double PercentBelowB, double GapPercentagePoints, double Z, double P)
{
    /// <summary>Null when undefined: an empty group, or everyone (or no one) below in both groups.</summary>
    public static ProportionTest? Compute(GroupSummary a, GroupSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.N == 0 || b.N == 0)
        {
            return null;
        }

        var pa = (double)a.Below / a.N;
        var pb = (double)b.Below / b.N;
        var pooled = (double)(a.Below + b.Below) / (a.N + b.N);
        var variance = pooled * (1 - pooled) * (1.0 / a.N + 1.0 / b.N);
        if (variance <= 0)
        {
            return null;
        }

        var z = (pa - pb) / Math.Sqrt(variance);
        return new ProportionTest(100 * pa, 100 * pb, 100 * (pa - pb), z, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
    }
}
