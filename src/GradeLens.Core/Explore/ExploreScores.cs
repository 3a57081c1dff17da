namespace GradeLens.Core.Explore;

/// <summary>Which score the Explore page looks at: one subject of one series, the whole subject or one of its domains.</summary>
/// <param name="Domain">Null (or "") for the whole subject.</param>
public sealed record ExploreScore(string Subject, string Series, string? Domain = null);

/// <summary>One group of an attribute as SQL aggregated it: its sufficient statistics (with the rank sum) and its quartiles.</summary>
/// <param name="Median">percentile_cont(0.5), interpolating as numpy's default; null for a group under the minimum size (no order statistic from a small group).</param>
public sealed record GroupScores(GroupStatistics Statistics, double? LowerQuartile, double? Median, double? UpperQuartile);

/// <summary>Every group of an attribute for one score, and the tie term of the ranks for Kruskal-Wallis.</summary>
/// <param name="TieTerm">Sum over every distinct score of t^3 - t (t students with that score), over the students of these groups.</param>
public sealed record AttributeScores(string Attribute, ExploreScore Score, IReadOnlyList<GroupScores> Groups, double TieTerm)
{
    public IReadOnlyList<GroupStatistics> Statistics => [.. Groups.Select(g => g.Statistics)];

    /// <summary>The overall tests, effect sizes and pairs of these groups.</summary>
    public AttributeTests Tests() => AttributeTests.Compute(Attribute, Statistics, TieTerm);
}

/// <summary>One cell of two attributes at once (a level of A and a level of B), as SQL aggregated it.</summary>
/// <param name="Median">Null for a cell under the minimum size.</param>
public sealed record CellScores(string A, string B, long N, double Mean, double Variance, double? LowerQuartile, double? Median, double? UpperQuartile);
