namespace GradeLens.Core.Explore;

/// <summary>
/// Classic one-way analysis of variance (equal variances assumed), as scipy's f_oneway, with the share of the score's
/// variance that lies between the groups: eta squared (SSB / SST) and the less biased omega squared
/// ((SSB - (k - 1) MSW) / (SST + MSW)), which can fall below 0 when the groups differ less than chance would make them.
/// </summary>
/// <param name="DegreesOfFreedomBetween">Groups minus one.</param>
/// <param name="DegreesOfFreedomWithin">Students minus groups.</param>
/// <param name="Students">Students in every group together.</param>
public sealed record OneWayAnova(
    double F,
    int DegreesOfFreedomBetween,
    long DegreesOfFreedomWithin,
    double P,
    double EtaSquared,
    double OmegaSquared,
    double SumOfSquaresBetween,
    double SumOfSquaresWithin,
    long Students)
{
    /// <summary>Null (see <see cref="Refusal"/>) when the test is undefined.</summary>
    public static OneWayAnova? Compute(IReadOnlyList<GroupStatistics> groups)
    {
        if (Refusal(groups) is not null)
        {
            return null;
        }

        var present = groups.Where(g => g.N > 0).ToList();
        var n = present.Sum(g => g.N);
        var grand = present.Sum(g => g.N * g.Mean) / n;
        var between = present.Sum(g => g.N * (g.Mean - grand) * (g.Mean - grand));
        var within = present.Sum(g => g.SumOfSquares);
        var dfBetween = present.Count - 1;
        var dfWithin = n - present.Count;
        var meanSquareWithin = within / dfWithin;
        var f = between / dfBetween / meanSquareWithin;
        var total = between + within;
        return new OneWayAnova(f, dfBetween, dfWithin, TailProbability.FisherF(f, dfBetween, dfWithin),
            between / total, (between - dfBetween * meanSquareWithin) / (total + meanSquareWithin), between, within, n);
    }

    /// <summary>Why there is no test, in words; null when there is one.</summary>
    public static string? Refusal(IReadOnlyList<GroupStatistics> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var present = groups.Where(g => g.N > 0).ToList();
        if (present.Count < 2)
        {
            return "An analysis of variance needs at least two groups with students.";
        }

        if (present.Sum(g => g.N) <= present.Count)
        {
            return "An analysis of variance needs more students than groups.";
        }

        return present.Sum(g => g.SumOfSquares) > 0 ? null : "Every student scores the same as the rest of their group: there is no spread to compare with.";
    }
}
