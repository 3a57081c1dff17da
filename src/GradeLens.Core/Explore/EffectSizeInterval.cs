namespace GradeLens.Core.Explore;

/// <summary>
/// A confidence interval for the share of the score's variance that lies between the groups in the population (the
/// population eta squared, which omega squared estimates), by inverting the noncentral F distribution of the classic
/// ANOVA's F (Steiger 2004): the noncentralities lambda at which the observed F is the upper and lower 2.5% point,
/// turned into eta squared = lambda / (lambda + N).
/// </summary>
/// <param name="Lower">Lower bound of eta squared, 0 to 1 (0 when the F is not significant at the interval's level).</param>
/// <param name="NoncentralityLower">The lambda of the lower bound.</param>
public sealed record EffectSizeInterval(double Lower, double Upper, double NoncentralityLower, double NoncentralityUpper, double Confidence)
{
    public const double DefaultConfidence = 0.95;

    public static EffectSizeInterval? Compute(OneWayAnova? anova, double confidence = DefaultConfidence) =>
        anova is null ? null : Compute(anova.F, anova.DegreesOfFreedomBetween, anova.DegreesOfFreedomWithin, anova.Students, confidence);

    /// <summary>
    /// Null when the F is not a finite, non-negative number, the degrees of freedom are not positive, or a bound lies
    /// beyond <see cref="NoncentralF.MaximumNoncentrality"/> (an F so large that the interval is all but 1).
    /// </summary>
    /// <param name="students">N, the students in every group together.</param>
    public static EffectSizeInterval? Compute(double f, double dfBetween, double dfWithin, long students, double confidence = DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(confidence, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(confidence, 1);
        if (!double.IsFinite(f) || f < 0 || !(dfBetween > 0) || !(dfWithin > 0) || students <= 0)
        {
            return null;
        }

        var tail = (1 - confidence) / 2;
        var lower = NoncentralF.Noncentrality(f, dfBetween, dfWithin, 1 - tail);
        var upper = NoncentralF.Noncentrality(f, dfBetween, dfWithin, tail);
        if (double.IsNaN(lower) || double.IsNaN(upper))
        {
            return null;
        }

        return new EffectSizeInterval(lower / (lower + students), upper / (upper + students), lower, upper, confidence);
    }
}
