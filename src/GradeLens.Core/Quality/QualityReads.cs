using GradeLens.Core.Storage;

namespace GradeLens.Core.Quality;

/// <summary>
/// The Quality page's reads of a store, within the caller's scope (SQL: <see cref="QualityQueries"/>), each kept per
/// data version under its filter and options; the API, the CLI and the report all call these. Options default to
/// <see cref="QualityOptions.Default"/> (the study's rules and UK practice), the calendar to England and Wales.
/// </summary>
public static class QualityReads
{
    /// <summary>The faculties, programmes and terms there are in the caller's view (the page's filters), and whether there is any quality data.</summary>
    public static Task<QualityChoices> GetQualityChoicesAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default) =>
        store.AnswerAsync(AnswerKey.For("quality.choices", scope), (c, sql, t) => QualityQueries.ChoicesAsync(c, sql, scope, t), cancellationToken);

    /// <summary>Pass rates per module and per programme x term, each with its Wilson interval or "low" (suppressed), and the mark rule.</summary>
    public static Task<PassRates> GetPassRatesAsync(this IGradeStore store, Scope scope, QualityFilter filter, QualityOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var chosen = options ?? QualityOptions.Default;
        return store.AnswerAsync(AnswerKey.For("quality.pass-rates", scope, filter, chosen),
            (c, sql, t) => QualityQueries.PassRatesAsync(c, sql, scope, filter, chosen, t), cancellationToken);
    }

    /// <summary>
    /// Each programme's pass rate across terms (the term filter is ignored), with every change between published terms
    /// tested; its rates are the kept pass-rates answer for every term (read once for the page's pass rates and trends).
    /// </summary>
    public static Task<TrendAnswer> GetPassRateTrendsAsync(this IGradeStore store, Scope scope, QualityFilter filter, QualityOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        var chosen = options ?? QualityOptions.Default;
        var everyTerm = filter with { Term = null };
        return store.RememberAsync(AnswerKey.For("quality.trends", scope, everyTerm, chosen), async token =>
        {
            var rates = await store.GetPassRatesAsync(scope, everyTerm, chosen, token);
            return await store.ReadAsync((c, sql, t) => QualityQueries.TrendsAsync(c, sql, scope, everyTerm, chosen, rates.Programmes, t), token);
        }, cancellationToken);
    }

    /// <summary>Every assessment's turnaround in calendar and working days on <paramref name="asOf"/> (outstanding work with its age), bins and the policy rate.</summary>
    public static Task<TurnaroundAnswer> GetTurnaroundAsync(
        this IGradeStore store, Scope scope, QualityFilter filter, DateOnly asOf, WorkingDayCalendar? calendar = null, QualityOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var chosen = options ?? QualityOptions.Default;
        var days = calendar ?? WorkingDayCalendar.EnglandAndWales;
        return store.AnswerAsync(AnswerKey.For("quality.turnaround", scope, filter, chosen, asOf, days.Key),
            (c, sql, t) => QualityQueries.TurnaroundAsync(c, sql, scope, filter, chosen, days, asOf, t), cancellationToken);
    }

    /// <summary>
    /// Turnaround chart-ready (<see cref="TurnaroundView"/>): bins, a histogram by working days, the rate within policy,
    /// per programme and term, and the <paramref name="listed"/> oldest outstanding assessments, not every assessment.
    /// </summary>
    public static async Task<TurnaroundView> GetTurnaroundViewAsync(
        this IGradeStore store, Scope scope, QualityFilter filter, DateOnly asOf, WorkingDayCalendar? calendar = null, QualityOptions? options = null,
        int listed = TurnaroundView.DefaultListed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var chosen = options ?? QualityOptions.Default;
        var days = calendar ?? WorkingDayCalendar.EnglandAndWales;
        return await store.RememberAsync(AnswerKey.For("quality.turnaround.view", scope, filter, chosen, asOf, days.Key, listed), async token =>
            TurnaroundView.Of(await store.GetTurnaroundAsync(scope, filter, asOf, days, chosen, token), chosen.Suppression, listed), cancellationToken);
    }

    /// <summary>The study's engagement index per programme and term, and % positive per theme and question with the response-rate gate.</summary>
    public static Task<EngagementAnswer> GetEngagementAsync(this IGradeStore store, Scope scope, QualityFilter filter, QualityOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var chosen = options ?? QualityOptions.Default;
        return store.AnswerAsync(AnswerKey.For("quality.engagement", scope, filter, chosen),
            (c, sql, t) => QualityQueries.EngagementAsync(c, sql, scope, filter, chosen, t), cancellationToken);
    }

    /// <summary>
    /// Every module with its pass rate, survey mean, the study's at-risk rule and the evidence of its interval (clearly /
    /// possibly below); the modules' pass rates are the kept pass-rates answer under the same filter (read once for both).
    /// </summary>
    public static Task<AtRiskAnswer> GetAtRiskModulesAsync(this IGradeStore store, Scope scope, QualityFilter filter, QualityOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        var chosen = options ?? QualityOptions.Default;
        return store.RememberAsync(AnswerKey.For("quality.at-risk", scope, filter, chosen), async token =>
        {
            var rates = await store.GetPassRatesAsync(scope, filter, chosen, token);
            return await store.ReadAsync((c, sql, t) => QualityQueries.AtRiskAsync(c, sql, scope, filter, chosen, rates.Modules, t), token);
        }, cancellationToken);
    }

    /// <summary>Everything a Quality report needs (its four CSVs and four figures), read once: see <see cref="QualityReport"/>.</summary>
    public static async Task<QualityReport> GetQualityReportAsync(
        this IGradeStore store, Scope scope, QualityFilter filter, DateOnly asOf, WorkingDayCalendar? calendar = null, QualityOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var chosen = options ?? QualityOptions.Default;
        var passRates = await store.GetPassRatesAsync(scope, filter, chosen, cancellationToken);
        var trends = await store.GetPassRateTrendsAsync(scope, filter, chosen, cancellationToken);
        var turnaround = await store.GetTurnaroundAsync(scope, filter, asOf, calendar, chosen, cancellationToken);
        var engagement = await store.GetEngagementAsync(scope, filter, chosen, cancellationToken);
        var atRisk = await store.GetAtRiskModulesAsync(scope, filter, chosen, cancellationToken);
        return QualityReport.Of(chosen, passRates, trends, turnaround, engagement, atRisk);
    }
}
