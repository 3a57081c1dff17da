using GradeLens.Core.Explore;
using GradeLens.Core.Gaps;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Reports;

/// <summary>One score's explore as the Explore page answers it: every attribute's view (groups, tests, pairs, trend) and the ranking.</summary>
/// <param name="Unit">The score's axis unit from its scale ("points of 100"), or "points".</param>
public sealed record ExploredScore(ExploreScore Score, IReadOnlyList<ExploreView> Views, ExploreRanking Ranking, string Unit = "points");

/// <summary>
/// The exam-table study for every score the Explore page offers in the latest series of each subject (whole subject and
/// each domain): every attribute it offers against it, with one-way and Welch ANOVA, Kruskal-Wallis, eta² and omega²
/// with the interval, pairwise Welch tests with Benjamini-Hochberg, the trend of ordered levels, and the "what matters
/// most" ranking. All from the page's entry points (<see cref="ExploreReads"/>), so groups are suppressed as there
/// (under the minimum, and a lone hidden group takes the next smallest with it).
/// </summary>
public sealed class ExploreStudyReport : IStudyReport
{
    public string Name => "explore";

    public string Title => "Explore: which attributes go with higher scores";

    /// <summary>The page's scores in the latest series of each subject (in the store's series order), whole subject and domains.</summary>
    public static async Task<IReadOnlyList<ExploreScore>> ScoresAsync(IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        var choices = await store.GetExploreChoicesAsync(scope, cancellationToken);
        var order = (await store.GetKeptInfoAsync(scope, cancellationToken)).Series.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        return [.. choices.Scores
            .GroupBy(s => s.Subject, StringComparer.Ordinal)
            .SelectMany(subject =>
            {
                var latest = subject.MaxBy(s => order.GetValueOrDefault(s.Series, -1))!.Series;
                return subject.Where(s => s.Series == latest);
            })
            .Select(s => new ExploreScore(s.Subject, s.Series, s.Domain.Length == 0 ? null : s.Domain))
            .OrderBy(s => s.Subject, StringComparer.Ordinal).ThenBy(s => s.Domain ?? "", StringComparer.Ordinal)];
    }

    /// <summary>One score against every attribute the page offers: each view and the ranking; null when no attribute splits it into two shown groups.</summary>
    public static async Task<ExploredScore?> ExploreAsync(IGradeStore store, Scope scope, ExploreScore score, CancellationToken cancellationToken = default)
    {
        var choices = await store.GetExploreChoicesAsync(scope, cancellationToken);
        var views = new List<ExploreView>();
        foreach (var attribute in choices.Attributes)
        {
            views.Add(await store.GetExploreAsync(scope, new ExploreRequest(score, attribute.Name), cancellationToken));
        }

        if (!views.Any(v => v.Groups.Count > 1))
        {
            return null;
        }

        return new ExploredScore(score, views, await store.GetExploreRankingAsync(scope, score, cancellationToken: cancellationToken));
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

        var explored = new List<ExploredScore>();
        for (var i = 0; i < scores.Count; i++)
        {
            context.Report(Describe(scores[i]), 0.85 * i / scores.Count);
            if (await ExploreAsync(context.Store, context.Scope, scores[i], cancellationToken) is { } found)
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
            context.Files.Note($"{scores.Count - explored.Count} of {scores.Count} scores have no attribute with two groups to compare.");
        }

        var min = explored[0].Ranking.MinimumCellSize;
        await context.Files.WriteCsvAsync("explore_ranking", "What matters most: every attribute ranked by its effect size on each score", ExploreTables.RankingMethod, ExploreTables.Ranking(explored), cancellationToken);
        await context.Files.WriteCsvAsync("explore_tests", "The overall tests of every attribute on every score", ExploreTables.TestsMethod, ExploreTables.Tests(explored), cancellationToken);
        await context.Files.WriteCsvAsync("explore_groups", "Each group's students, mean with 95% interval and quartiles", ExploreTables.GroupsMethod(min), ExploreTables.Groups(explored), cancellationToken);
        await context.Files.WriteCsvAsync("explore_pairs", "Every pair of groups: Welch test with Benjamini-Hochberg", ExploreTables.PairsMethod, ExploreTables.Pairs(explored), cancellationToken);
        foreach (var score in explored)
        {
            var name = new[] { score.Score.Subject, score.Score.Series, score.Score.Domain ?? "" };
            await context.Files.WriteFigureAsync(ReportFileName.Of("ranking", name), ExploreTables.RankingFigure(score), cancellationToken);
            if (ExploreTables.TopGroupsFigure(score) is { } boxes)
            {
                await context.Files.WriteFigureAsync(ReportFileName.Of("groups", name), boxes, cancellationToken);
            }
        }

        return null;
    }

    public static string Describe(ExploreScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Domain is null ? $"{score.Subject} ({score.Series})" : $"{score.Subject} / {score.Domain} ({score.Series})";
    }

    /// <summary>"points of 100" from the gap table's threshold line for the score ("Math / Numbers (Spring 2026): below 50 of 100").</summary>
    private static string Unit(IReadOnlyList<string> thresholds, ExploreScore score)
    {
        var line = thresholds.FirstOrDefault(t => t.StartsWith(Describe(score) + ":", StringComparison.Ordinal));
        var of = line?.LastIndexOf(" of ", StringComparison.Ordinal) ?? -1;
        return of < 0 ? "points" : "points" + line![of..];
    }
}
