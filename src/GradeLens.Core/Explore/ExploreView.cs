namespace GradeLens.Core.Explore;

/// <summary>A score the Explore page can look at, with the students who have it in scope.</summary>
public sealed record ExploreScoreChoice(string Subject, string Series, string Domain, long Students);

/// <summary>An attribute to group by, with its number of recorded values.</summary>
public sealed record ExploreAttributeChoice(string Name, long Levels);

/// <summary>What the Explore page offers, and what it opens on: the score with the most students and the first attribute that splits it.</summary>
public sealed record ExploreChoices(IReadOnlyList<ExploreScoreChoice> Scores, IReadOnlyList<ExploreAttributeChoice> Attributes, ExploreScoreChoice? DefaultScore, string? DefaultAttribute);

/// <summary>What to explore: a score, an attribute to group by, optionally a second one for the heatmap.</summary>
public sealed record ExploreRequest(ExploreScore Score, string Attribute, string? Second = null, int? MinimumCellSize = null);

/// <summary>One group as the page shows it: n, mean with its 95% CI, sd, and (only at or above the minimum size) the median and quartiles.</summary>
public sealed record ExploreGroup(string Name, long Students, double Mean, double? Lower, double? Upper, double StandardDeviation, double? LowerQuartile, double? Median, double? UpperQuartile);

/// <summary>
/// The Explore page's answer for one score and attribute: the groups in their natural order, the overall tests and
/// effect sizes, every pair, the trend across ordered levels, and (with a second attribute) the heatmap. Groups under
/// the minimum size are left out before any test and named only by their count.
/// </summary>
/// <param name="Ordering">Whether the levels have a natural order (education levels, bands...), and which.</param>
/// <param name="SuppressedGroups">Groups left out for having fewer students than <see cref="MinimumCellSize"/>.</param>
public sealed record ExploreView(
    ExploreScore Score,
    string Attribute,
    int MinimumCellSize,
    LevelOrdering Ordering,
    IReadOnlyList<ExploreGroup> Groups,
    AttributeTests Tests,
    TrendTest? Trend,
    Heatmap? Heatmap,
    int SuppressedGroups,
    string Method);

/// <summary>"What matters most": every attribute's effect size on the score, with intervals.</summary>
public sealed record ExploreRanking(ExploreScore Score, int MinimumCellSize, IReadOnlyList<AttributeEffect> Attributes, string Method);
