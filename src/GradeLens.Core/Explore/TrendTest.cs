using GradeLens.Core.Gaps;

namespace GradeLens.Core.Explore;

/// <summary>
/// A linear trend across ordered levels: the contrast L = sum(c m) of the group means with weights c = the levels'
/// positions 0, 1, ..., k - 1 centred on their mean, so L / sum(c^2) is the least-squares change in the mean score per
/// step up the levels. Its standard error does not assume equal variances (sqrt(sum(c^2 s^2 / n)), Welch-type) and its
/// degrees of freedom are Satterthwaite's, (sum(c^2 s^2 / n))^2 / sum((c^2 s^2 / n)^2 / (n - 1)).
/// </summary>
/// <param name="Levels">The levels, lowest first, as the test placed them.</param>
/// <param name="ChangePerLevel">Estimated change in the mean score per step up one level, in points.</param>
/// <param name="Lower">95% interval of <paramref name="ChangePerLevel"/>.</param>
public sealed record TrendTest(
    IReadOnlyList<string> Levels,
    double ChangePerLevel,
    double StandardError,
    double DegreesOfFreedom,
    double T,
    double P,
    double Lower,
    double Upper)
{
    /// <summary>
    /// The groups taken in the ordering's levels (its missing levels left out); null when the levels are not ordered,
    /// a level has no group, or the test is undefined (see <see cref="Compute(IReadOnlyList{GroupStatistics})"/>).
    /// </summary>
    public static TrendTest? Compute(IReadOnlyList<GroupStatistics> groups, LevelOrdering ordering)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(ordering);
        if (!ordering.Ordered)
        {
            return null;
        }

        var byName = groups.Where(g => g.N > 0).ToDictionary(g => g.Name, StringComparer.Ordinal);
        var ordered = ordering.Levels.Where(byName.ContainsKey).Select(l => byName[l]).ToList();
        return ordered.Count == ordering.Levels.Count ? Compute(ordered) : null;
    }

    /// <summary>The groups in order, lowest first. Null below two groups, with a group of fewer than two students, or without spread.</summary>
    public static TrendTest? Compute(IReadOnlyList<GroupStatistics> ordered)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        if (ordered.Count < 2 || ordered.Any(g => g.N < 2))
        {
            return null;
        }

        var centre = (ordered.Count - 1) / 2.0;
        var weights = Enumerable.Range(0, ordered.Count).Select(i => i - centre).ToList();
        var squares = weights.Sum(c => c * c);
        var contrast = ordered.Select((g, i) => weights[i] * g.Mean).Sum();
        var parts = ordered.Select((g, i) => weights[i] * weights[i] * g.Variance / g.N).ToList();
        var variance = parts.Sum();
        if (variance <= 0)
        {
            return null;
        }

        var df = variance * variance / parts.Select((v, i) => v * v / (ordered[i].N - 1)).Sum();
        var t = contrast / Math.Sqrt(variance);
        var change = contrast / squares;
        var standardError = Math.Sqrt(variance) / squares;
        var half = GroupSummary.T975(df) * standardError;
        return new TrendTest([.. ordered.Select(g => g.Name)], change, standardError, df, t, WelchTest.TwoSidedP(t, df), change - half, change + half);
    }
}
