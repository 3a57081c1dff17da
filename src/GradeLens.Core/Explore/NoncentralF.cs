namespace GradeLens.Core.Explore;

/// <summary>
/// The noncentral F distribution's CDF as a Poisson mixture of regularised incomplete betas (Steiger 2004):
/// P(F &lt;= f) = sum over j of Poisson(j; lambda / 2) I_x(df1 / 2 + j, df2 / 2), x = df1 f / (df1 f + df2).
/// Summed outward from the Poisson mode until the Poisson mass left is under 1e-16; one incomplete beta is computed at
/// the mode (<see cref="IncompleteBeta"/>, accurate for the large b of big samples) and its neighbours by the recurrence
/// I_x(a + 1, b) = I_x(a, b) - x^a (1 - x)^b / (a B(a, b)), so a large lambda costs a few thousand multiplications,
/// not a few thousand incomplete betas.
/// </summary>
internal static class NoncentralF
{
    private const double Negligible = 1e-16;

    /// <summary>Largest noncentrality searched (eta squared 1 - 1e-3 at N = 10^7): beyond it the sum would take too long to be useful.</summary>
    public const double MaximumNoncentrality = 1e10;

    public static double Cdf(double f, double df1, double df2, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lambda, MaximumNoncentrality);
        if (!double.IsFinite(f) || !double.IsFinite(lambda) || !(df1 > 0) || !(df2 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(f), "The noncentral F needs a finite F and noncentrality and positive degrees of freedom.");
        }

        if (f <= 0)
        {
            return 0;
        }

        var x = df1 * f / (df1 * f + df2);
        var a0 = df1 / 2;
        var b = df2 / 2;
        if (lambda <= 0)
        {
            return IncompleteBeta.Regularized(a0, b, x);
        }

        var mu = lambda / 2;
        var mode = Math.Floor(mu);
        var aMode = a0 + mode;
        var weightMode = PoissonAtMode(mu, mode);
        var betaMode = IncompleteBeta.Regularized(aMode, b, x);
        var stepMode = IncompleteBeta.Step(aMode, b, x);

        var sum = weightMode * betaMode;

        // Upward: j = mode + 1, mode + 2, ... (the betas shrink, and so do the weights).
        double weight = weightMode, beta = betaMode, step = stepMode, a = aMode;
        for (var j = mode + 1; ; j++)
        {
            beta = Math.Max(beta - step, 0);
            step *= x * (a + b) / (a + 1);
            a += 1;
            weight *= mu / j;
            sum += weight * beta;
            var ratio = mu / (j + 1);
            if (ratio < 1 && weight * ratio / (1 - ratio) < Negligible)
            {
                break;
            }
        }

        // Downward: j = mode - 1, ..., 0 (the betas grow towards 1, the weights shrink).
        weight = weightMode;
        beta = betaMode;
        step = stepMode;
        a = aMode;
        for (var j = mode - 1; j >= 0; j--)
        {
            step *= a / (x * (a - 1 + b));
            a -= 1;
            beta = Math.Min(beta + step, 1);
            weight *= (j + 1) / mu;
            sum += weight * beta;
            var ratio = j / mu;
            if (weight * ratio / (1 - ratio) < Negligible)
            {
                break;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>
    /// e^-mu mu^m / m! with m! by Stirling, ln = m (log(1 + t) - t) - ln(2 pi m) / 2 - remainder(m), t = (mu - m) / m:
    /// -mu + m ln mu - ln m! would cancel about ten digits at mu = 25,000.
    /// </summary>
    private static double PoissonAtMode(double mu, double mode) =>
        mode == 0 ? Math.Exp(-mu)
            : Math.Exp(mode * IncompleteBeta.Log1PMinusX((mu - mode) / mode) - 0.5 * Math.Log(2 * Math.PI * mode) - IncompleteBeta.StirlingRemainder(mode));

    /// <summary>
    /// The noncentrality at which P(F &lt;= f) equals <paramref name="probability"/> (the CDF falls as lambda grows),
    /// found by the Illinois variant of false position inside a bracket; 0 when even lambda = 0 gives no more than it;
    /// NaN when it lies beyond <see cref="MaximumNoncentrality"/>.
    /// </summary>
    public static double Noncentrality(double f, double df1, double df2, double probability)
    {
        double Excess(double lambda) => Cdf(f, df1, df2, lambda) - probability;

        var lo = 0.0;
        var fLo = Excess(lo);
        if (fLo <= 0)
        {
            return 0;
        }

        var hi = Math.Min(Math.Max(1, 2 * df1 * f), MaximumNoncentrality);
        var fHi = Excess(hi);
        while (fHi > 0 && hi < MaximumNoncentrality)
        {
            lo = hi;
            fLo = fHi;
            hi = Math.Min(2 * hi, MaximumNoncentrality);
            fHi = Excess(hi);
        }

        if (fHi > 0)
        {
            return double.NaN;
        }

        var side = 0;
        for (var iteration = 0; iteration < 200 && hi - lo > 1e-12 * (1 + hi); iteration++)
        {
            var next = (lo * fHi - hi * fLo) / (fHi - fLo);
            var fNext = Excess(next);
            if (fNext > 0)
            {
                lo = next;
                fLo = fNext;
                fHi = side == 1 ? fHi / 2 : fHi;
                side = 1;
            }
            else
            {
                hi = next;
                fHi = fNext;
                fLo = side == -1 ? fLo / 2 : fLo;
                side = -1;
            }

            if (fNext == 0)
            {
                return next;
            }
        }

        return (lo + hi) / 2;
    }
}
