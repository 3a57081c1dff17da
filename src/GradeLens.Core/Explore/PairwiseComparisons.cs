using GradeLens.Core.Gaps;

namespace GradeLens.Core.Explore;

/// <summary>One group against another: Welch's t-test of the difference in means, its 95% interval, Hedges' g, and the q-value over every pair.</summary>
/// <param name="Difference">Group's mean minus Other's, in points.</param>
/// <param name="Lower">95% interval of the difference (Welch: Student's t with the Welch-Satterthwaite degrees of freedom); null without a test.</param>
/// <param name="Q">Benjamini-Hochberg q-value over every pair of the attribute tested together.</param>
public sealed record PairwiseComparison(
    string Group,
    string Other,
    long GroupStudents,
    long OtherStudents,
    double GroupMean,
    double OtherMean,
    double Difference,
    double? Lower,
    double? Upper,
    double? T,
    double? DegreesOfFreedom,
    double? P,
    double? Q,
    double? HedgesG,
    double? HedgesGLower,
    double? HedgesGUpper);

/// <summary>
/// Every pair of groups compared by Welch's t-test (each earlier group against each later one, in the order given), with
/// Benjamini-Hochberg over the pairs. Games-Howell is not offered: it needs the studentized range distribution.
/// </summary>
public static class PairwiseComparisons
{
    /// <summary>Pairs where a group has fewer than two students, or neither has any spread, have no test (T, P, Q, interval null).</summary>
    public static IReadOnlyList<PairwiseComparison> Compute(IReadOnlyList<GroupStatistics> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var pairs = new List<PairwiseComparison>();
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                pairs.Add(Compare(groups[i], groups[j]));
            }
        }

        var tested = pairs.Select((p, i) => (p, i)).Where(x => x.p.P is not null).ToList();
        var q = BenjaminiHochberg.QValues(tested.Select(x => x.p.P!.Value).ToList());
        for (var k = 0; k < tested.Count; k++)
        {
            pairs[tested[k].i] = tested[k].p with { Q = q[k] };
        }

        return pairs;
    }

    private static PairwiseComparison Compare(GroupStatistics group, GroupStatistics other)
    {
        var a = group.ToSummary();
        var b = other.ToSummary();
        var welch = WelchTest.Compute(a, b);
        var g = HedgesG.Compute(a, b);
        var half = welch is null ? (double?)null : GroupSummary.T975(welch.DegreesOfFreedom) * Math.Sqrt(a.Variance / a.N + b.Variance / b.N);
        var difference = group.Mean - other.Mean;
        return new PairwiseComparison(group.Name, other.Name, group.N, other.N, group.Mean, other.Mean, difference,
            difference - half, difference + half, welch?.T, welch?.DegreesOfFreedom, welch?.P, null, g?.G, g?.Lower, g?.Upper);
    }
}
