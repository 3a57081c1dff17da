namespace GradeLens.Core.Explore;

/// <summary>
/// Welch's analysis of variance, which does not assume equal variances (statsmodels' anova_oneway with
/// use_var="unequal"): weights w = n / s^2, the weighted mean's squared deviations over (k - 1), divided by
/// 1 + 2 (k - 2) / (k^2 - 1) * sum((1 - w / W)^2 / (n - 1)); the denominator degrees of freedom by Welch-Satterthwaite,
/// (k^2 - 1) / (3 sum((1 - w / W)^2 / (n - 1))). With two groups, F is Welch's t squared.
/// </summary>
public sealed record WelchAnova(double F, double DegreesOfFreedomBetween, double DegreesOfFreedomWithin, double P)
{
    /// <summary>Null (see <see cref="Refusal"/>) when the test is undefined.</summary>
    public static WelchAnova? Compute(IReadOnlyList<GroupStatistics> groups)
    {
        if (Refusal(groups) is not null)
        {
            return null;
        }

        var present = groups.Where(g => g.N > 0).ToList();
        double k = present.Count;
        var weights = present.Select(g => g.N / g.Variance).ToList();
        var total = weights.Sum();
        var mean = present.Select((g, i) => weights[i] * g.Mean).Sum() / total;
        var between = present.Select((g, i) => weights[i] * (g.Mean - mean) * (g.Mean - mean)).Sum() / (k - 1);
        var spread = present.Select((g, i) => (1 - weights[i] / total) * (1 - weights[i] / total) / (g.N - 1)).Sum() / (k * k - 1);
        var f = between / (1 + 2 * (k - 2) * spread);
        var dfWithin = 1 / (3 * spread);
        return new WelchAnova(f, k - 1, dfWithin, TailProbability.FisherF(f, k - 1, dfWithin));
    }

    /// <summary>Why there is no test, in words; null when there is one.</summary>
    public static string? Refusal(IReadOnlyList<GroupStatistics> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var present = groups.Where(g => g.N > 0).ToList();
        if (present.Count < 2)
        {
            return "Welch's analysis of variance needs at least two groups with students.";
        }

        if (present.Any(g => g.N < 2))
        {
            return "Welch's analysis of variance needs at least two students in every group.";
        }

        return present.All(g => g.Variance > 0) ? null : "Welch's analysis of variance needs some spread of scores in every group.";
    }
}
