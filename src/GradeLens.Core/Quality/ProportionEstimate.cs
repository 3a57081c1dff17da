using MathNet.Numerics.Distributions;

namespace GradeLens.Core.Quality;

/// <summary>
/// A rate (pass rate, % positive, % on time) as published: the count and its denominator, the rate with its Wilson
/// interval, or "low" (suppressed: no count, rate or interval) when the denominator is under the minimum.
/// </summary>
/// <param name="Count">How many passed (answered positively...); null when suppressed. Rounded in release mode.</param>
/// <param name="Of">The denominator, as published (rounded in release mode).</param>
/// <param name="Value">Count / Of from the true counts, 0..1; null when suppressed.</param>
/// <param name="Lower">Wilson interval's lower bound; null when suppressed.</param>
/// <param name="Upper">Wilson interval's upper bound; null when suppressed.</param>
/// <param name="Suppressed">True: the denominator is under the minimum; show "low".</param>
public sealed record ProportionEstimate(long? Count, long Of, double? Value, double? Lower, double? Upper, bool Suppressed)
{
    /// <summary>The true count, for tests between estimates; never published (not public, so never serialised).</summary>
    internal long TrueCount { get; init; }

    /// <summary>The true denominator, for tests between estimates; never published.</summary>
    internal long TrueOf { get; init; }

    /// <summary>True counts in, published estimate out.</summary>
    public static ProportionEstimate From(long count, long of, SuppressionRule rule, double confidence)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (count < 0 || count > of)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a count must be within 0..{of}");
        }

        if (of == 0 || rule.Suppresses(of))
        {
            return new ProportionEstimate(null, rule.Publish(of), null, null, null, true) { TrueCount = count, TrueOf = of };
        }

        var (lower, upper) = WilsonInterval.Of(count, of, confidence);
        return new ProportionEstimate(rule.Publish(count), rule.Publish(of), (double)count / of, lower, upper, false) { TrueCount = count, TrueOf = of };
    }
}

/// <summary>
/// The Wilson score interval for a binomial proportion (statsmodels' proportion_confint(method="wilson")): better
/// than the normal approximation near 0 and 1 and for small groups, and never outside 0..1.
/// </summary>
public static class WilsonInterval
{
    public static (double Lower, double Upper) Of(long successes, long trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>
/// The pooled two-proportion z-test (statsmodels' proportions_ztest): is the change from k1/n1 to k2/n2 beyond
/// chance? Null when it cannot be tested (an empty group, or both rates 0% or 100%, so no variance).
/// </summary>
public static class TwoProportionTest
{
    public static (double Z, double P)? Of(long k1, long n1, long k2, long n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return null;
        }

        var pooled = (double)(k1 + k2) / (n1 + n2);
        var variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (variance <= 0)
        {
            return null;
        }

        var z = ((double)k2 / n2 - (double)k1 / n1) / Math.Sqrt(variance);
        return (z, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }
}
