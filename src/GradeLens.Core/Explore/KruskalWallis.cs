namespace GradeLens.Core.Explore;

/// <summary>
/// The Kruskal-Wallis rank test, with the correction for ties (scipy's kruskal): from each group's sum of average
/// ranks R and the tie term T = sum over tied scores of (t^3 - t), H = (12 / (N (N + 1)) sum(R^2 / n) - 3 (N + 1)) /
/// (1 - T / (N^3 - N)), against chi-square with k - 1 degrees of freedom. SQL supplies R and T (rank() and count()
/// window functions), so no score leaves the store.
/// </summary>
public sealed record KruskalWallis(double H, int DegreesOfFreedom, double P)
{
    /// <summary>Null (see <see cref="Refusal"/>) when the test is undefined.</summary>
    /// <param name="tieTerm">Sum over every distinct score of t^3 - t, t the students with that score (0 without ties).</param>
    public static KruskalWallis? Compute(IReadOnlyList<GroupStatistics> groups, double tieTerm)
    {
        if (Refusal(groups, tieTerm) is not null)
        {
            return null;
        }

        var present = groups.Where(g => g.N > 0).ToList();
        double n = present.Sum(g => g.N);
        var h = 12 / (n * (n + 1)) * present.Sum(g => g.RankSum!.Value * g.RankSum.Value / g.N) - 3 * (n + 1);
        h /= 1 - tieTerm / (n * n * n - n);
        var df = present.Count - 1;
        return new KruskalWallis(h, df, TailProbability.ChiSquare(h, df));
    }

    /// <summary>Why there is no test, in words; null when there is one.</summary>
    public static string? Refusal(IReadOnlyList<GroupStatistics> groups, double tieTerm)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var present = groups.Where(g => g.N > 0).ToList();
        if (present.Count < 2)
        {
            return "The Kruskal-Wallis test needs at least two groups with students.";
        }

        if (present.Any(g => g.RankSum is null))
        {
            return "The Kruskal-Wallis test needs every group's rank sum.";
        }

        double n = present.Sum(g => g.N);
        return tieTerm < n * n * n - n ? null : "Every student has the same score: there is nothing to rank.";
    }
}
