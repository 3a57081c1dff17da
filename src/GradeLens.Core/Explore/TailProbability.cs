using MathNet.Numerics;

namespace GradeLens.Core.Explore;

/// <summary>
/// Upper-tail probabilities straight from the regularised incomplete functions, so a p-value of 1e-30 keeps its
/// digits (one minus a CDF would round it to 0).
/// </summary>
internal static class TailProbability
{
    /// <summary>P(F >= f) for Fisher's F with (df1, df2) degrees of freedom: I(df2 / (df2 + df1 f); df2/2, df1/2).</summary>
    public static double FisherF(double f, double df1, double df2) =>
        f <= 0 ? 1 : SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + df1 * f));

    /// <summary>P(X >= x) for chi-square with df degrees of freedom: the upper regularised gamma Q(df/2, x/2).</summary>
    public static double ChiSquare(double x, double df) =>
        x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);
}
