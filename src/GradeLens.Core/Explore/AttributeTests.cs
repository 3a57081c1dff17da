namespace GradeLens.Core.Explore;

/// <summary>
/// Everything the Explore page tests for one score and one attribute: the overall tests (classic and Welch ANOVA,
/// Kruskal-Wallis), the effect sizes with the interval of eta squared, and every pair of groups. A test that cannot be
/// trusted is null, and <see cref="Notes"/> says why in words.
/// </summary>
/// <param name="Groups">The groups compared, as given.</param>
/// <param name="EffectSize">95% interval of the population eta squared (which omega squared estimates), from the classic F.</param>
public sealed record AttributeTests(
    string Attribute,
    IReadOnlyList<GroupStatistics> Groups,
    long Students,
    OneWayAnova? Anova,
    WelchAnova? Welch,
    KruskalWallis? KruskalWallis,
    EffectSizeInterval? EffectSize,
    IReadOnlyList<PairwiseComparison> Pairs,
    IReadOnlyList<string> Notes)
{
    /// <param name="tieTerm">Sum over tied scores of t^3 - t (from SQL with the rank sums); null for no rank test.</param>
    public static AttributeTests Compute(string attribute, IReadOnlyList<GroupStatistics> groups, double? tieTerm)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(groups);
        var anova = OneWayAnova.Compute(groups);
        var welch = WelchAnova.Compute(groups);
        var kruskal = tieTerm is { } ties ? Explore.KruskalWallis.Compute(groups, ties) : null;
        var notes = new List<string>();
        AddNote(notes, OneWayAnova.Refusal(groups));
        AddNote(notes, WelchAnova.Refusal(groups));
        AddNote(notes, tieTerm is { } t ? Explore.KruskalWallis.Refusal(groups, t) : "The Kruskal-Wallis test needs the scores' ranks.");
        return new AttributeTests(attribute, groups, groups.Sum(g => g.N), anova, welch, kruskal,
            EffectSizeInterval.Compute(anova), PairwiseComparisons.Compute(groups), notes);
    }

    private static void AddNote(List<string> notes, string? note)
    {
        if (note is not null && !notes.Contains(note))
        {
            notes.Add(note);
        }
    }
}
