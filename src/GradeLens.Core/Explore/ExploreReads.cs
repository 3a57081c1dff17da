using GradeLens.Core.Disclosure;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Explore;

/// <summary>
/// The Explore page's entry points (the API and <c>gradelens explore</c> call these): the choices in scope, one
/// attribute's groups and tests, and the ranking of every attribute. SQL in <see cref="ExploreQueries"/> and
/// <see cref="ExploreChoiceQueries"/>; answers kept per data version.
/// </summary>
public static class ExploreReads
{
    public const string Method = "Groups under the minimum size are left out before any test. Means with 95% t intervals; quartiles interpolated (type 7). " +
        "One-way ANOVA, Welch's ANOVA (unequal variances) and Kruskal-Wallis (ranks, tie-corrected); eta² and omega² with a 95% interval " +
        "from the noncentral F; pairs by Welch's t-test with Benjamini-Hochberg q-values; ordered levels by a linear trend with Welch-type errors.";

    /// <summary>Attributes with more levels than this (ids, free text) are not offered: a group per student says nothing.</summary>
    public const int MaximumLevels = 60;

    public static Task<ExploreChoices> GetExploreChoicesAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default) =>
        store.AnswerAsync(AnswerKey.For("explore.choices", scope), async (c, sql, t) =>
        {
            var scores = await ExploreChoiceQueries.ScoresAsync(c, sql, scope, t);
            var attributes = (await ExploreChoiceQueries.AttributesAsync(c, sql, scope, t)).Where(a => a.Levels is >= 2 and <= MaximumLevels).ToList();
            return new ExploreChoices(scores, attributes, scores.Count > 0 ? scores[0] : null, attributes.Count > 0 ? attributes[0].Name : null);
        }, cancellationToken);

    public static Task<ExploreView> GetExploreAsync(this IGradeStore store, Scope scope, ExploreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var minimum = ExploreQueries.Minimum(scope, request.MinimumCellSize ?? scope.MinimumCellSize);
        return store.AnswerAsync(AnswerKey.For("explore.groups", scope, request), async (c, sql, t) =>
        {
            // Every group of the students in scope, only counted (never shown): how many the minimum hides.
            var all = await ExploreQueries.GroupsAsync(c, sql, scope with { AggregatesOnly = false }, request.Score, request.Attribute, 1, t);
            // Groups under the minimum, and the smallest others with them until the hidden ones hold the minimum together
            // (GroupSuppression): the score's total is shown on other pages, so it minus the shown groups leaves no small group.
            var hidden = GroupSuppression.Hide(all.Groups.ToDictionary(g => g.Statistics.Name, g => g.Statistics.N, StringComparer.Ordinal), minimum);
            var threshold = hidden.Count == 0 ? minimum : (int)all.Groups.Where(g => hidden.Contains(g.Statistics.Name)).Max(g => g.Statistics.N) + 1;
            var scores = await ExploreQueries.GroupsAsync(c, sql, scope, request.Score, request.Attribute, Math.Max(minimum, threshold), t);
            var ordering = LevelOrder.Of(scores.Groups.Select(g => g.Statistics.Name));
            Heatmap? heatmap = null;
            if (!string.IsNullOrWhiteSpace(request.Second))
            {
                heatmap = Heatmap.Compute(request.Attribute, request.Second, await ExploreQueries.CellsAsync(c, sql, scope, request.Score, request.Attribute, request.Second, minimum, t), minimum);
            }

            return new ExploreView(request.Score, request.Attribute, minimum, ordering, [.. scores.Groups.Select(Group)], scores.Tests(),
                ordering.Ordered ? TrendTest.Compute(scores.Statistics, ordering) : null, heatmap,
                all.Groups.Count - scores.Groups.Count, Method);
        }, cancellationToken);
    }

    /// <summary>Each shown group's scores (values only, a stable sample of at most 1,000 per group) for the page's strip; none for an aggregates-only scope.</summary>
    public static Task<IReadOnlyList<GroupPoints>> GetExplorePointsAsync(this IGradeStore store, Scope scope, ExploreScore score, string attribute, int? minimumCellSize = null, CancellationToken cancellationToken = default) =>
        store.AnswerAsync(AnswerKey.For("explore.points", scope, score, attribute, minimumCellSize), (c, sql, t) =>
            ExplorePointQueries.PointsAsync(c, sql, scope, score, attribute, ExploreQueries.Minimum(scope, minimumCellSize ?? scope.MinimumCellSize), t), cancellationToken);

    /// <summary>Every attribute's effect on the score, largest omega² first.</summary>
    public static async Task<ExploreRanking> GetExploreRankingAsync(this IGradeStore store, Scope scope, ExploreScore score, int? minimumCellSize = null, CancellationToken cancellationToken = default)
    {
        var choices = await store.GetExploreChoicesAsync(scope, cancellationToken);
        var minimum = ExploreQueries.Minimum(scope, minimumCellSize ?? scope.MinimumCellSize);
        return await store.AnswerAsync(AnswerKey.For("explore.ranking", scope, score, minimum), async (c, sql, t) =>
        {
            var tests = new List<AttributeTests>();
            foreach (var attribute in choices.Attributes)
            {
                tests.Add((await ExploreQueries.GroupsAsync(c, sql, scope, score, attribute.Name, minimum, t)).Tests());
            }

            return new ExploreRanking(score, minimum, AttributeRanking.Rank(tests), Method);
        }, cancellationToken);
    }

    private static ExploreGroup Group(GroupScores group)
    {
        var g = group.Statistics;
        var interval = g.ToSummary().MeanInterval();
        return new ExploreGroup(g.Name, g.N, g.Mean, interval?.Lower, interval?.Upper, Math.Sqrt(g.Variance), group.LowerQuartile, group.Median, group.UpperQuartile);
    }
}
