using GradeLens.Core.Storage;

namespace GradeLens.Core.Areas;

/// <summary>
/// The Areas page's reads of a store, within the caller's scope (SQL: <see cref="AreaQueries"/>, <see cref="AreaJoinQueries"/>).
/// The panel comes from SQL once per data version; every analysis of it (correlations, OLS fits, the model comparison,
/// beating the odds) is kept per data version too, so predictions answer from a fit already made. Areas are aggregates:
/// an analyst may read them all.
/// </summary>
public static class AreaReads
{
    /// <summary>The panel of scored areas, joined by normalised name and year, and the sub-areas (counties) with their latest figures.</summary>
    public static Task<AreaStoreData> GetAreaDataAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default) =>
        store.AnswerAsync(AnswerKey.For("areas.data", scope), (c, sql, t) => AreaQueries.DataAsync(c, sql, scope, t), cancellationToken);

    /// <summary>Every area, area-year and ZIP code that matched nothing, with the counts the joins placed.</summary>
    public static Task<AreaJoinReport> GetAreaJoinReportAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default) =>
        store.RememberAsync(AnswerKey.For("areas.join", scope), async token =>
        {
            var data = await store.GetAreaDataAsync(scope, token);
            return await store.ReadAsync((c, sql, t) => AreaJoinQueries.ReportAsync(c, sql, scope, data, t), token);
        }, cancellationToken);

    /// <summary>What the page opens on: areas, years, every figure's range (the what-if form's bounds), parents of counties.</summary>
    public static Task<AreaOverview> GetAreaOverviewAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default) =>
        store.RememberAsync(AnswerKey.For("areas.overview", scope), async token =>
            AreaSummary.Overview(await store.GetAreaDataAsync(scope, token), await store.GetAreaJoinReportAsync(scope, token)), cancellationToken);

    /// <summary>Every measure (and, with <paramref name="ses"/>, the SES composite of the model measures) against every score.</summary>
    public static Task<IReadOnlyList<AreaCorrelation>> GetAreaCorrelationsAsync(this IGradeStore store, Scope scope, bool ses = false, CancellationToken cancellationToken = default) =>
        store.RememberAsync<IReadOnlyList<AreaCorrelation>>(AnswerKey.For("areas.correlations", scope, ses), async token =>
        {
            var data = await store.GetAreaDataAsync(scope, token);
            var panel = ses ? AreaChoice.WithComposite(data.Panel, AreaChoice.ModelMeasures(data.Panel)).Panel : data.Panel;
            return AreaCorrelations.Compute(panel);
        }, cancellationToken);

    /// <summary>OLS of every score on <paramref name="measures"/> (or their SES composite), with the version predictions carry.</summary>
    /// <param name="measures">Measures the panel has (check with <see cref="AreaChoice.Measures"/>); null for the study's three.</param>
    public static Task<AreaFitSet> GetAreaFitsAsync(this IGradeStore store, Scope scope, IReadOnlyList<string>? measures = null, bool ses = false, CancellationToken cancellationToken = default) =>
        store.RememberAsync(AnswerKey.For("areas.fits", scope, measures, ses), async token =>
        {
            var version = await store.GetDataVersionAsync(token);
            var data = await store.GetAreaDataAsync(scope, token);
            var (panel, chosen, composite) = AreaChoice.Prepare(data.Panel, measures, ses);
            var fits = chosen.Count == 0 ? [] : AreaRegression.FitAll(panel, chosen);
            return new AreaFitSet(chosen, fits, composite, new AreaModelVersion("OLS", version, DateTimeOffset.UtcNow));
        }, cancellationToken);

    /// <summary>OLS, ridge, random forest and boosted trees by grouped-by-area CV, forward in time and the (optimistic) random split.</summary>
    public static Task<AreaComparison> GetAreaComparisonAsync(
        this IGradeStore store, Scope scope, IReadOnlyList<string>? measures = null, bool ses = false, AreaComparisonOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AreaComparisonOptions();
        return store.RememberAsync(AnswerKey.For("areas.comparison", scope, measures, ses, options.Folds, options.Seed, options.Trees), async token =>
        {
            var data = await store.GetAreaDataAsync(scope, token);
            var (panel, chosen, _) = AreaChoice.Prepare(data.Panel, measures, ses);
            return panel.Rows == 0 || chosen.Count == 0 || panel.ScoreNames.Count == 0
                ? new AreaComparison(chosen, [], new AreaModelChoice("OLS", "There are no scored area-years with these measures to compare models on."), options.Seed)
                : await Task.Run(() => AreaModelComparison.Compare(panel, chosen, AreaChoice.ModelScores(panel), options), token);
        }, cancellationToken);
    }

    /// <summary>Each area's actual score against its leave-area-out prediction and 95% interval, and its persistence.</summary>
    public static Task<BeatingTheOddsResult> GetBeatingTheOddsAsync(
        this IGradeStore store, Scope scope, string score, IReadOnlyList<string>? measures = null, bool ses = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(score);
        return store.RememberAsync(AnswerKey.For("areas.residuals", scope, score, measures, ses), async token =>
        {
            var data = await store.GetAreaDataAsync(scope, token);
            var (panel, chosen, _) = AreaChoice.Prepare(data.Panel, measures, ses);
            return !panel.ScoreNames.Contains(score) || chosen.Count == 0
                ? new BeatingTheOddsResult(score, true, "", null, null, $"No scored area has {score} with the measures {string.Join(", ", chosen)}.")
                : BeatingTheOdds.Assess(panel, score, chosen);
        }, cancellationToken);
    }

    /// <summary>A measure against a score (one year, or every year), with the OLS line and the 95% band of the mean.</summary>
    public static async Task<AreaScatter> GetAreaScatterAsync(this IGradeStore store, Scope scope, string measure, string score, int? year, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(measure);
        ArgumentException.ThrowIfNullOrWhiteSpace(score);
        var data = await store.GetAreaDataAsync(scope, cancellationToken);
        return AreaSummary.Scatter(data.Panel, measure, score, year);
    }
}
