using System.Data.Common;
using System.Globalization;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Quality;

internal static partial class QualityQueries
{
    /// <summary>Every scoped module with its pass rate, survey mean, the study's at-risk rule and the evidence of its interval.</summary>
    public static async Task<AtRiskAnswer> AtRiskAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var modules = await ModulePassRatesAsync(connection, sql, scope, filter, options, cancellationToken);
        return await AtRiskAsync(connection, sql, scope, filter, options, modules, cancellationToken);
    }

    /// <summary>As above, from the modules' pass rates already read (the kept pass-rates answer: <see cref="QualityReads"/>).</summary>
    public static async Task<AtRiskAnswer> AtRiskAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, IReadOnlyList<ModulePassRate> modules,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modules);
        var surveys = await SurveyTotalsAsync(connection, sql, scope, filter, perProgrammeTerm: false, cancellationToken);
        var organisation = scope.Organisation;
        var rule = Rule(scope, options);
        var risks = modules.Select(m =>
        {
            // Module ids are unique within an organisation; a caller across organisations matches on the id alone.
            var survey = organisation is null
                ? surveys.FirstOrDefault(s => s.Key.Item2 == m.ModuleId).Value
                : surveys.GetValueOrDefault((organisation, m.ModuleId));
            var responses = survey?.Responses ?? 0;
            var mean = rule.Suppresses(responses) ? null : survey?.Mean;
            return AtRiskClassification.Classify(m, mean, rule.Publish(responses), options.AtRisk);
        });
        return new AtRiskAnswer(options.AtRisk, options.Marks.Describe(),
            [.. risks.OrderBy(r => r.Evidence).ThenBy(r => r.Module.PassRate.Value ?? 2).ThenBy(r => r.Module.ModuleId, StringComparer.Ordinal)]);
    }

    /// <summary>Pass rate per programme across terms (the term filter is ignored), with each change tested.</summary>
    public static async Task<TrendAnswer> TrendsAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(options);
        var everyTerm = filter with { Term = null };
        var rates = await ProgrammePassRatesAsync(connection, sql, scope, everyTerm, options, cancellationToken);
        return await TrendsAsync(connection, sql, scope, everyTerm, options, rates, cancellationToken);
    }

    /// <summary>As above, from the programmes' pass rates in every term already read (<paramref name="filter"/> without a term).</summary>
    public static async Task<TrendAnswer> TrendsAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options, IReadOnlyList<ProgrammePassRate> rates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(options);
        var everyTerm = filter with { Term = null };
        var starts = await TermStartsAsync(connection, sql, scope, everyTerm, cancellationToken);
        return PassRateTrends.Of(rates, starts, options);
    }
}

/// <summary>The study's at-risk rule and the strength of the evidence that a pass rate is under its threshold.</summary>
public static class AtRiskClassification
{
    public static ModuleRisk Classify(ModulePassRate module, double? surveyMean, long surveyResponses, AtRiskRule rule)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(rule);
        var rate = module.PassRate;
        var evidence = rate.Suppressed ? RiskEvidence.Low
            : rate.Upper < rule.PassRate ? RiskEvidence.ClearlyBelow
            : rate.Lower < rule.PassRate ? RiskEvidence.PossiblyBelow
            : RiskEvidence.NotBelow;
        var atRisk = !rate.Suppressed && rate.Value < rule.PassRate && surveyMean < rule.SurveyMean;
        return new ModuleRisk(module, surveyMean, surveyResponses, atRisk, evidence);
    }
}

/// <summary>Pass-rate trends: terms in the order of their first deadline, and each change between published terms tested.</summary>
public static class PassRateTrends
{
    public static TrendAnswer Of(IReadOnlyList<ProgrammePassRate> rates, IReadOnlyDictionary<string, DateOnly> termStarts, QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(termStarts);
        ArgumentNullException.ThrowIfNull(options);
        var order = rates.Select(r => r.Term).Distinct()
            .OrderBy(t => termStarts.TryGetValue(t, out var start) ? start : DateOnly.MaxValue)
            .ThenBy(t => t, StringComparer.Ordinal)
            .ToList();
        var position = order.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var trends = rates.GroupBy(r => r.ProgrammeId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var points = g.OrderBy(r => position[r.Term]).ToList();
            var published = points.Where(p => !p.PassRate.Suppressed).ToList();
            var changes = published.Zip(published.Skip(1), (a, b) => Change(a, b, options)).ToList();
            return new ProgrammeTrend(g.Key, points[0].Programme, points[0].Faculty,
                [.. points.Select(p => new TrendPoint(p.Term, p.Students, p.PassRate))], changes);
        }).ToList();
        var test = string.Create(CultureInfo.InvariantCulture,
            $"pooled two-proportion z-test between consecutive published terms, two-sided at {100 * (1 - options.Confidence):0.##}% (significant: p < {1 - options.Confidence:0.##}); intervals: Wilson {100 * options.Confidence:0.##}%");
        return new TrendAnswer(test, order, trends);
    }

    private static TrendChange Change(ProgrammePassRate from, ProgrammePassRate to, QualityOptions options)
    {
        var a = from.PassRate;
        var b = to.PassRate;
        // The test takes the true counts: in release mode the published ones are rounded.
        var test = TwoProportionTest.Of(a.TrueCount, a.TrueOf, b.TrueCount, b.TrueOf);
        return new TrendChange(from.Term, to.Term, b.Value!.Value - a.Value!.Value, test?.Z, test?.P,
            test is { } t && t.P < 1 - options.Confidence, a.Lower <= b.Upper && b.Lower <= a.Upper);
    }
}
