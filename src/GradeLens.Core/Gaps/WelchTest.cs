using MathNet.Numerics;

namespace GradeLens.Core.Gaps;

/// <summary>Welch's unequal-variances t-test of mean A minus mean B, two-sided.</summary>
/// <param name="Difference">Mean of A minus mean of B, in points.</param>
/// <param name="DegreesOfFreedom">Welch-Satterthwaite degrees of freedom.</param>
public sealed record WelchTest(double Difference, double T, double DegreesOfFreedom, double P)
{
    /// <summary>Null when the test is undefined: fewer than two students in a group, or no spread in either.</summary>
    public static WelchTest? Compute(GroupSummary a, GroupSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.N < 2 || b.N < 2)
        {
            return null;
        }

        var va = a.Variance / a.N;
        var vb = b.Variance / b.N;
        if (va + vb <= 0)
        {
            return null;
        }

        var difference = a.Mean - b.Mean;
        var t = difference / Math.Sqrt(va + vb);
        var df = (va + vb) * (va + vb) / (va * va / (a.N - 1) + vb * vb / (b.N - 1));
        return new WelchTest(difference, t, df, TwoSidedP(t, df));
    }

    /// <summary>P(|T| >= |t|) for Student's t: the regularised incomplete beta I(df/(df+t^2); df/2, 1/2), exact in the far tail.</summary>
    internal static double TwoSidedP(double t, double df) =>
        SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
}
