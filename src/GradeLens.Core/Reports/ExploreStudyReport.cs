using GradeLens.Core.Explore;
using GradeLens.Core.Gaps;
using GradeLens.Core.Reports.Figures;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Reports;

/// <summary>One score's explore: every attribute's groups and tests, and the ranking of the attributes by effect size.</summary>
/// <param name="Unit">The score's axis unit from its scale ("points of 100"), or "points".</param>
public sealed record ExploredScore(ExploreScore Score, IReadOnlyList<AttributeScores> Attributes, IReadOnlyList<AttributeTests> Tests, IReadOnlyList<AttributeEffect> Ranking, string Unit = "points");

/// <summary>
/// The exam-table study, for every score the store has: each subject's latest series (and each domain of it) against
/// every attribute (gender, the imported ones, region, grade and school when recorded), with one-way and Welch ANOVA,
/// Kruskal-Wallis, eta² and omega² with the interval, pairwise Welch tests with Benjamini-Hochberg, and the "what matters
/// most" ranking. Groups come from the Explore page's SQL (<see cref="ExploreQueries"/>) within the audience's scope,
/// groups under the minimum size left out before any test; the statistics are Core/Explore's. When Explore gains its
/// own kept entry point (an ExploreReads), <see cref="ExploreAsync"/> should call it instead of the query.
/// </summary>
public sealed class ExploreStudyReport : IStudyReport
{
    public string Name => "explore";

    public string Title => "Explore: which attributes go with higher scores";

    /// <summary>The scores to explore: each subject's latest series, whole subject and every domain, as the gap table has them.</summary>
    public static async Task<IReadOnlyList<ExploreScore>> ScoresAsync(IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        var table = (await store.GetGapTableAsync(scope, new GapRequest(Within: [GapDimension.Domain]), cancellationToken)).Table;
        var whole = (await store.GetGapTableAsync(scope, new GapRequest(Within: []), cancellationToken)).Table;
        return [.. (whole?.Cells ?? []).Concat(table?.Cells ?? [])
            .Where(c => c.Region is null && c.School is null && c.GradeLevel is null)
            .Select(c => new ExploreScore(c.Subject, c.Series, c.Domain.Length == 0 ? null : c.Domain))
            .Distinct()
            .OrderBy(s => s.Subject, StringComparer.Ordinal).ThenBy(s => s.Series, StringComparer.Ordinal).ThenBy(s => s.Domain ?? "", StringComparer.Ordinal)];
    }

    /// <summary>The attributes to compare by: gender and every imported attribute, then region, grade_level and school when any student in scope has one.</summary>
    public static async Task<IReadOnlyList<string>> AttributesAsync(IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        var attributes = (await store.GetGapTableAsync(scope, new GapRequest(Within: []), cancellationToken)).Attributes.ToList();
        var recorded = await store.GetRecordedDimensionsAsync(scope, cancellationToken);
        foreach (var (dimension, name) in new[] { (GapDimension.Region, "region"), (GapDimension.GradeLevel, "grade_level"), (GapDimension.School, "school") })
        {
            if (recorded.Contains(dimension) && !attributes.Contains(name))
            {
                attributes.Add(name);
            }
        }

        return attributes;
    }

    /// <summary>One score against every attribute: the groups (SQL), their tests and the ranking; null when no attribute has two groups to compare.</summary>
    public static async Task<ExploredScore?> ExploreAsync(IGradeStore store, Scope scope, ExploreScore score, IReadOnlyList<string> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(attributes);
        var groups = new List<AttributeScores>();
        foreach (var attribute in attributes)
        {
            var found = await store.ReadAsync((c, sql, t) => ExploreQueries.GroupsAsync(c, sql, scope, score, attribute, scope.MinimumCellSize, t), cancellationToken);
            if (found.Groups.Count > 0)
            {
                groups.Add(found);
            }
        }

        if (!groups.Any(g => g.Groups.Count > 1))
        {
            return null;
        }

        var tests = groups.Select(g => g.Tests()).ToList();
        return new ExploredScore(score, groups, tests, AttributeRanking.Rank(tests));
    }

    public async Task<string?> WriteAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scores = await ScoresAsync(context.Store, context.Scope, cancellationToken);
        var thresholds = new List<string>();
        foreach (var request in new[] { new GapRequest(Within: []), new GapRequest(Within: [GapDimension.Domain]) })
        {
            thresholds.AddRange((await context.Store.GetGapTableAsync(context.Scope, request, cancellationToken)).Table?.Thresholds ?? []);
        }

        var attributes = await AttributesAsync(context.Store, context.Scope, cancellationToken);
        var explored = new List<ExploredScore>();
        for (var i = 0; i < scores.Count; i++)
        {
            context.Report(Describe(scores[i]), 0.85 * i / Math.Max(1, scores.Count));
            if (await ExploreAsync(context.Store, context.Scope, scores[i], attributes, cancellationToken) is { } found)
            {
                explored.Add(found with { Unit = Unit(thresholds, scores[i]) });
            }
        }

        if (explored.Count == 0)
        {
            return "No score in scope has two groups of any attribute with enough students to compare: there is nothing to explore.";
        }

        if (explored.Count < scores.Count)
        {
            context.Files.Note($"{scores.Count - explored.Count} of {scores.Count} scores have no attribute with two groups to compare (a subject imported only as domains is explored per domain).");
        }

        var many = explored.SelectMany(e => e.Attributes).Where(a => a.Groups.Count > ExploreTables.PairedGroups).Select(a => a.Attribute).Distinct().ToList();
        if (many.Count > 0)
        {
            context.Files.Note($"explore_pairs.csv leaves out the pairs of {string.Join(", ", many)}: more than {ExploreTables.PairedGroups} groups (their tests and groups are in the other tables).");
        }

        var min = context.Scope.MinimumCellSize;
        await context.Files.WriteCsvAsync("explore_ranking", "What matters most: every attribute ranked by its effect size on each score", ExploreTables.RankingMethod, ExploreTables.Ranking(explored), cancellationToken);
        await context.Files.WriteCsvAsync("explore_tests", "The overall tests of every attribute on every score", ExploreTables.TestsMethod, ExploreTables.Tests(explored), cancellationToken);
        await context.Files.WriteCsvAsync("explore_groups", "Each group's students, mean with 95% interval and quartiles", ExploreTables.GroupsMethod(min), ExploreTables.Groups(explored), cancellationToken);
        await context.Files.WriteCsvAsync("explore_pairs", "Every pair of groups: Welch test with Benjamini-Hochberg", ExploreTables.PairsMethod, ExploreTables.Pairs(explored), cancellationToken);
        foreach (var score in explored)
        {
            await context.Files.WriteFigureAsync(ReportFileName.Of("ranking", score.Score.Subject, score.Score.Series, score.Score.Domain ?? ""), ExploreTables.RankingFigure(score), cancellationToken);
            if (ExploreTables.TopGroupsFigure(score, min) is { } boxes)
            {
                await context.Files.WriteFigureAsync(ReportFileName.Of("groups", score.Score.Subject, score.Score.Series, score.Score.Domain ?? ""), boxes, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>"points of 100" from the gap table's threshold line for the score ("Math / Numbers (Spring 2026): below 50 of 100").</summary>
    private static string Unit(IReadOnlyList<string> thresholds, ExploreScore score)
    {
        var prefix = (score.Domain is null ? score.Subject : $"{score.Subject} / {score.Domain}") + $" ({score.Series}):";
        var line = thresholds.FirstOrDefault(t => t.StartsWith(prefix, StringComparison.Ordinal));
        var of = line?.LastIndexOf(" of ", StringComparison.Ordinal) ?? -1;
        return of < 0 ? "points" : "points" + line![of..];
    }

    public static string Describe(ExploreScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Domain is null ? $"{score.Subject} ({score.Series})" : $"{score.Subject} / {score.Domain} ({score.Series})";
    }
}
