using MathNet.Numerics;

namespace GradeLens.Core.Explore;

/// <summary>
/// The regularised incomplete beta I_x(a, b) for the large a and b of big samples (b = N / 2), where
/// ln Gamma(a + b) - ln Gamma(a) - ln Gamma(b) loses about ten digits to cancellation (MathNet's BetaRegularized is
/// good to only 3e-10 at a = 25,000, b = 500,000). The power terms x^a (1 - x)^b / B(a, b) are taken from Stirling's
/// series with the deviations from the mode in log1p(t) - t form, which cancel nothing; I_x(a, b) is then the sum of
/// the positive terms of x^a (1 - x)^b / (a B(a, b)) 2F1(a + b, 1; a + 1; x), or of its mirror 1 - I_(1-x)(b, a).
/// </summary>
internal static class IncompleteBeta
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>I_x(a, b) for a, b > 0 and 0 &lt; x &lt; 1.</summary>
    public static double Regularized(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        return x * (a + b) < a + 1 ? Series(a, b, x) : 1 - Series(b, a, 1 - x);
    }

    /// <summary>I_x(a, b) - I_x(a + 1, b) = x^a (1 - x)^b / (a B(a, b)).</summary>
    public static double Step(double a, double b, double x) => Math.Exp(LogPowerTerms(a, b, x) - Math.Log(a));

    /// <summary>ln(x^a (1 - x)^b / B(a, b)).</summary>
    public static double LogPowerTerms(double a, double b, double x)
    {
        // With e = x (a + b) - a: x (a + b) / a = 1 + e / a and (1 - x)(a + b) / b = 1 - e / b, and the e's cancel exactly.
        var e = x * (a + b) - a;
        return a * Log1PMinusX(e / a) + b * Log1PMinusX(-e / b) + 0.5 * Math.Log(a * b / (a + b)) - HalfLogTwoPi
            - (StirlingRemainder(a) + StirlingRemainder(b) - StirlingRemainder(a + b));
    }

    /// <summary>The terms of 2F1(a + b, 1; a + 1; x) fall from the first (x (a + b) &lt; a + 1); summed until negligible.</summary>
    private static double Series(double a, double b, double x)
    {
        var step = Step(a, b, x);
        if (step == 0)
        {
            return 0;
        }

        double sum = 0, term = 1;
        for (var n = 0; n < 10_000_000 && term > 1e-17 * sum; n++)
        {
            sum += term;
            term *= x * (a + b + n) / (a + 1 + n);
        }

        return Math.Min(step * sum, 1);
    }

    /// <summary>log(1 + t) - t for t > -1, by its series near 0 (where the subtraction would cancel).</summary>
    internal static double Log1PMinusX(double t)
    {
        if (Math.Abs(t) >= 0.3)
        {
            return Math.Log(1 + t) - t;
        }

        double sum = 0, power = t;
        for (var k = 2; k < 60; k++)
        {
            power *= -t;
            var term = power / k;
            sum += term;
            if (Math.Abs(term) < 1e-18 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>ln Gamma(z) - ((z - 1/2) ln z - z + ln(2 pi) / 2): Stirling's series from 10, directly below.</summary>
    internal static double StirlingRemainder(double z)
    {
        if (z < 10)
        {
            return SpecialFunctions.GammaLn(z) - ((z - 0.5) * Math.Log(z) - z + HalfLogTwoPi);
        }

        var r = 1 / (z * z);
        return (1.0 / 12 - r * (1.0 / 360 - r * (1.0 / 1260 - r * (1.0 / 1680 - r * (1.0 / 1188 - r * (691.0 / 360360 - r / 156)))))) / z;
    }
}
