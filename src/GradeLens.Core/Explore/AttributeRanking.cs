using GradeLens.Core.Gaps;

namespace GradeLens.Core.Explore;

/// <summary>One attribute in the "what matters most" ranking.</summary>
/// <param name="Rank">1 for the largest omega squared; attributes without one come last, unranked (0).</param>
/// <param name="OmegaSquared">Share of the score's variance between the attribute's groups, corrected for chance (can be below 0).</param>
/// <param name="Lower">95% interval of the population share (eta squared), by inverting the noncentral F.</param>
/// <param name="P">Welch's ANOVA, which does not assume equal variances.</param>
/// <param name="Q">Benjamini-Hochberg over the attributes ranked together.</param>
/// <param name="Reason">Why there is no effect size or test, in words; null when there is.</param>
public sealed record AttributeEffect(
    int Rank,
    string Attribute,
    long Students,
    int Groups,
    double? OmegaSquared,
    double? EtaSquared,
    double? Lower,
    double? Upper,
    double? P,
    double? Q,
    string? Reason);

/// <summary>
/// "What matters most": every attribute's omega squared with its interval, largest first, so a reader can see which
/// differences are large and which rankings the intervals leave open.
/// </summary>
public static class AttributeRanking
{
    public static IReadOnlyList<AttributeEffect> Rank(IReadOnlyList<AttributeTests> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var tested = attributes.Where(a => a.Welch is not null).ToList();
        var q = BenjaminiHochberg.QValues(tested.Select(a => a.Welch!.P).ToList());
        var qOf = new Dictionary<AttributeTests, double>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < tested.Count; i++)
        {
            qOf[tested[i]] = q[i];
        }

        var ranked = attributes
            .OrderBy(a => a.Anova is null)
            .ThenByDescending(a => a.Anova?.OmegaSquared)
            .ThenBy(a => a.Attribute, StringComparer.Ordinal)
            .ToList();
        return ranked.Select((a, i) => new AttributeEffect(
                a.Anova is null ? 0 : i + 1,
                a.Attribute,
                a.Students,
                a.Groups.Count(g => g.N > 0),
                a.Anova?.OmegaSquared,
                a.Anova?.EtaSquared,
                a.EffectSize?.Lower,
                a.EffectSize?.Upper,
                a.Welch?.P,
                qOf.TryGetValue(a, out var value) ? value : null,
                Reason(a)))
            .ToList();
    }

    private static string? Reason(AttributeTests tests)
    {
        var reasons = new[] { OneWayAnova.Refusal(tests.Groups), WelchAnova.Refusal(tests.Groups) }.OfType<string>().Distinct().ToList();
        return reasons.Count == 0 ? null : string.Join(" ", reasons);
    }
}
