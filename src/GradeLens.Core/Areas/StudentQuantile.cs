using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace GradeLens.Core.Areas;

/// <summary>Two-sided critical values of Student's t, polished to full precision.</summary>
internal static class StudentQuantile
{
    /// <summary>
    /// t such that P(|T| ≤ t) = <paramref name="level"/>: MathNet's inverse CDF (a root search) refined by Newton steps
    /// on the exact upper tail ½·I(df/(df+t²); df/2, ½).
    /// </summary>
    public static double TwoSided(double df, double level = 0.95)
    {
        var tail = (1 - level) / 2;
        var t = StudentT.InvCDF(0, 1, df, 1 - tail);
        for (var step = 0; step < 3; step++)
        {
            var upper = 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
            t += (upper - tail) / StudentT.PDF(0, 1, df, t);
        }

        return t;
    }
}
