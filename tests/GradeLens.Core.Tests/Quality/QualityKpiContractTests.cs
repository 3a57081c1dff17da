using GradeLens.Core.Quality;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Storage;

namespace GradeLens.Core.Tests.Quality;

/// <summary>
/// Every Quality KPI computed by the store's SQL against the same KPI computed with plain LINQ over the generated rows
/// (<see cref="LinqQualityKpis"/>); each store's class runs these on its own new store. Counts exact, rates 1e-9.
/// </summary>
public abstract class QualityKpiContractTests
{
    private const double Tolerance = 1e-9;
    private static readonly Scope Uni = Scope.ForOrganisation("uni");

    private static readonly MarkRule[] Rules =
    [
        new(),
        new(Weighted: true),
        new(MissingSubmission: MissingSubmission.CountedAsZero),
        new(PassMark: 40, Weighted: true, MissingSubmission: MissingSubmission.CountedAsZero),
    ];

    private protected abstract Task<QualityTestStore> StoreAsync(QualityData data);

    [StoreFact]
    public async Task Module_and_programme_pass_rates_match_linq_under_every_mark_rule()
    {
        foreach (var data in new[] { QualityTestData.Demo, QualityTestData.Bench })
        {
            await using var store = await StoreAsync(data);
            foreach (var rule in Rules)
            {
                var options = QualityOptions.Default with { Marks = rule };
                var answer = await QualityQueries.PassRatesAsync(store.Connection, store.Sql, Uni, QualityFilter.All, options, default);
                var modules = LinqQualityKpis.ModulePasses(data, rule);
                Assert.Equal(modules.Count, answer.Modules.Count);
                foreach (var module in answer.Modules)
                {
                    var (students, passed, withoutMark) = modules[module.ModuleId];
                    AssertRate(passed, students, module.PassRate, $"{rule.Describe()}: {module.ModuleId}");
                    Assert.Equal(withoutMark, module.StudentsWithoutMark);
                }

                var programmes = LinqQualityKpis.ProgrammePasses(data, rule);
                Assert.Equal(programmes.Count, answer.Programmes.Count);
                foreach (var programme in answer.Programmes)
                {
                    var (students, results, passed) = programmes[(programme.ProgrammeId, programme.Term)];
                    Assert.Equal(students, programme.Students);
                    AssertRate(passed, results, programme.PassRate, $"{rule.Describe()}: {programme.ProgrammeId} {programme.Term}");
                }

                Assert.Equal(rule.Describe(), answer.Rule);
            }
        }
    }

    [StoreFact]
    public async Task Faculty_programme_and_term_filters_keep_only_their_modules()
    {
        var data = QualityTestData.Demo;
        await using var store = await StoreAsync(data);
        var programmes = data.Programmes.ToDictionary(p => p.ProgrammeId);
        foreach (var filter in new QualityFilter[] { new(Faculty: "Health"), new(Programme: "P2"), new(Programme: "Business"), new(Term: "2025-Spring"), new("Health", "P6", "2024-Fall") })
        {
            var answer = await QualityQueries.ModulePassRatesAsync(store.Connection, store.Sql, Uni, filter, QualityOptions.Default, default);
            var expected = data.Modules.Where(m =>
                (filter.Faculty is null || programmes[m.ProgrammeId].Faculty == filter.Faculty) &&
                (filter.Programme is null || m.ProgrammeId == filter.Programme || programmes[m.ProgrammeId].Name == filter.Programme) &&
                (filter.Term is null || m.Term == filter.Term)).Select(m => m.ModuleId).Order(StringComparer.Ordinal);
            Assert.NotEmpty(answer);
            Assert.Equal(expected, answer.Select(m => m.ModuleId).Order(StringComparer.Ordinal));
        }

        var otherOrganisation = await QualityQueries.ModulePassRatesAsync(store.Connection, store.Sql, Scope.ForOrganisation("other"), QualityFilter.All, QualityOptions.Default, default);
        Assert.Empty(otherOrganisation);
    }

    [StoreFact]
    public async Task Turnaround_matches_calendar_and_working_days_counted_from_the_gov_uk_list()
    {
        var data = QualityTestData.Demo;
        await using var store = await StoreAsync(data);
        var answer = await QualityQueries.TurnaroundAsync(store.Connection, store.Sql, Uni, QualityFilter.All, QualityOptions.Default,
            WorkingDayCalendar.EnglandAndWales, QualityTestData.AsOf, default);
        Assert.Equal(data.Assessments.Count, answer.Assessments.Count);
        var byId = data.Assessments.ToDictionary(a => a.AssessmentId);
        foreach (var row in answer.Assessments)
        {
            var source = byId[row.AssessmentId];
            var end = source.ReturnedOn ?? QualityTestData.AsOf;
            if (source.ReturnedOn is null && source.DueOn > QualityTestData.AsOf)
            {
                Assert.Equal(TurnaroundStatus.NotYetDue, row.Status);
                continue;
            }

            Assert.Equal(source.ReturnedOn is null ? TurnaroundStatus.Outstanding : TurnaroundStatus.Returned, row.Status);
            Assert.Equal(end.DayNumber - source.DueOn.DayNumber, row.CalendarDays);
            Assert.Equal(LinqQualityKpis.WorkingDays(source.DueOn, end), row.WorkingDays);
            Assert.Equal(row.WorkingDays > 20, row.Late);
        }

        var returned = answer.Assessments.Where(a => a.Status == TurnaroundStatus.Returned).ToList();
        Assert.Equal([returned.Count(a => a.CalendarDays <= 10), returned.Count(a => a.CalendarDays is > 10 and <= 15),
            returned.Count(a => a.CalendarDays is > 15 and <= 20), returned.Count(a => a.CalendarDays > 20)], answer.Bins.Select(b => b.Calendar));
        Assert.Equal(returned.Count(a => a.WorkingDays > 20), answer.Bins[^1].Working);
        var judged = answer.Assessments.Where(a => a.Status == TurnaroundStatus.Returned || a.Late == true).ToList();
        AssertRate(judged.Count(a => a.Late == false), judged.Count, answer.WithinPolicy, "on time overall");
        // Some programmes return feedback late (the demo's every third programme): their rate is lower.
        var rates = answer.Programmes.GroupBy(p => p.ProgrammeId).ToDictionary(g => g.Key, g => g.Average(p => p.WithinPolicy.Value ?? 0));
        Assert.True(rates["P2"] < rates["P1"] - 0.2, $"P2 {rates["P2"]:P0} against P1 {rates["P1"]:P0}");
    }

    [StoreFact]
    public async Task Engagement_index_is_the_mean_score_times_ln_one_plus_the_median_visits_of_every_student()
    {
        foreach (var data in new[] { QualityTestData.Demo, QualityTestData.Bench })
        {
            await using var store = await StoreAsync(data);
            var answer = await QualityQueries.EngagementAsync(store.Connection, store.Sql, Uni, QualityFilter.All, QualityOptions.Default, default);
            var expected = LinqQualityKpis.Engagement(data);
            Assert.Equal(expected.Count, answer.Programmes.Count);
            foreach (var row in answer.Programmes)
            {
                var (students, median, responses, mean) = expected[(row.ProgrammeId, row.Term)];
                Assert.Equal(students, row.Students);
                Assert.Equal(responses, row.Responses);
                Assert.False(row.Suppressed);
                Assert.Equal(median, row.MedianVisits!.Value, Tolerance);
                Assert.Equal(mean!.Value, row.MeanScore!.Value, Tolerance);
                Assert.Equal(mean.Value * Math.Log(1 + median), row.Index!.Value, Tolerance);
            }
        }
    }

    [StoreFact]
    public async Task Percent_positive_per_question_comes_with_its_response_rate_and_is_withheld_under_the_gate()
    {
        var data = QualityTestData.Demo;
        await using var store = await StoreAsync(data);
        var expected = LinqQualityKpis.Questions(data);
        foreach (var gate in new[] { 0.5, 0.99 })
        {
            var options = QualityOptions.Default with { Surveys = new SurveyRule(ResponseRateGate: gate) };
            var answer = await QualityQueries.EngagementAsync(store.Connection, store.Sql, Uni, QualityFilter.All, options, default);
            var questions = answer.Surveys.Where(s => s.Question is not null).ToList();
            Assert.Equal(expected.Count, questions.Count);
            foreach (var result in questions)
            {
                var (responses, positive, invited) = expected[(result.Theme ?? "", result.Question!)];
                Assert.Equal("answers", result.Source);
                Assert.Equal(responses, result.Responses);
                Assert.Equal(invited, result.Invited);
                Assert.Equal((double)responses / invited, result.ResponseRate!.Value, Tolerance);
                Assert.Equal(result.ResponseRate < gate, result.Withheld);
                if (result.Withheld)
                {
                    Assert.Null(result.Positive);
                    Assert.Contains("gate", result.Note, StringComparison.Ordinal);
                }
                else
                {
                    AssertRate(positive, responses, result.Positive!, result.Question!);
                }
            }

            Assert.Equal(data.Surveys.Select(s => s.Theme).Distinct().Count(), answer.Surveys.Count(s => s.Question is null));
        }
    }

    [StoreFact]
    public async Task At_risk_modules_follow_the_study_rule_with_the_evidence_of_their_interval()
    {
        var data = QualityTestData.Demo;
        await using var store = await StoreAsync(data);
        var answer = await QualityQueries.AtRiskAsync(store.Connection, store.Sql, Uni, QualityFilter.All, QualityOptions.Default, default);
        var passes = LinqQualityKpis.ModulePasses(data, new MarkRule());
        var surveys = LinqQualityKpis.ModuleSurveys(data);
        Assert.Equal(passes.Count, answer.Modules.Count);
        foreach (var risk in answer.Modules)
        {
            var (students, passed, _) = passes[risk.Module.ModuleId];
            var survey = surveys.GetValueOrDefault(risk.Module.ModuleId);
            double? mean = survey.Responses >= 23 ? survey.Mean : null;
            Assert.Equal(mean is null, risk.SurveyMean is null);
            if (students < 23)
            {
                Assert.Equal(RiskEvidence.Low, risk.Evidence);
                Assert.False(risk.AtRisk);
                continue;
            }

            var (lower, upper) = WilsonInterval.Of(passed, students);
            Assert.Equal(upper < 0.7 ? RiskEvidence.ClearlyBelow : lower < 0.7 ? RiskEvidence.PossiblyBelow : RiskEvidence.NotBelow, risk.Evidence);
            Assert.Equal((double)passed / students < 0.7 && mean < 3.5, risk.AtRisk);
        }

        // The demo shows every case: modules clearly and possibly at risk, and small modules shown as low.
        Assert.Contains(answer.Modules, r => r.AtRisk && r.Evidence == RiskEvidence.ClearlyBelow);
        Assert.Contains(answer.Modules, r => r.AtRisk && r.Evidence == RiskEvidence.PossiblyBelow);
        Assert.Contains(answer.Modules, r => r.Evidence == RiskEvidence.Low);
        Assert.InRange(answer.Modules.Count(r => r.AtRisk), 2, 30);
    }

    [StoreFact]
    public async Task Trends_order_terms_by_their_first_deadline_and_test_each_change()
    {
        var data = QualityTestData.Demo;
        await using var store = await StoreAsync(data);
        var answer = await QualityQueries.TrendsAsync(store.Connection, store.Sql, Uni, new QualityFilter(Term: "2025-Spring"), QualityOptions.Default, default);
        Assert.Equal(["2024-Fall", "2025-Spring", "2025-Fall"], answer.TermOrder);
        var programmes = LinqQualityKpis.ProgrammePasses(data, new MarkRule());
        Assert.Equal(6, answer.Programmes.Count);
        foreach (var trend in answer.Programmes)
        {
            Assert.Equal(answer.TermOrder, trend.Terms.Select(t => t.Term));
            Assert.Equal(2, trend.Changes.Count);
            foreach (var change in trend.Changes)
            {
                var (_, n1, k1) = programmes[(trend.ProgrammeId, change.FromTerm)];
                var (_, n2, k2) = programmes[(trend.ProgrammeId, change.ToTerm)];
                double p1 = (double)k1 / n1, p2 = (double)k2 / n2, pooled = (double)(k1 + k2) / (n1 + n2);
                var z = (p2 - p1) / Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
                Assert.Equal(p2 - p1, change.Difference, Tolerance);
                Assert.Equal(z, change.Z!.Value, 1e-9);
                Assert.Equal(Math.Abs(z) > 1.959963984540054, change.Significant);
            }
        }

        Assert.Contains("two-proportion z-test", answer.Test, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_module_of_22_students_is_low_and_one_of_23_has_a_rate_and_an_interval()
    {
        foreach (var (students, suppressed) in new[] { (22, true), (23, false) })
        {
            await using var store = await StoreAsync(QualityTestData.OneModule(students, passing: 20));
            var module = Assert.Single(await QualityQueries.ModulePassRatesAsync(store.Connection, store.Sql, Uni, QualityFilter.All, QualityOptions.Default, default));
            Assert.Equal(suppressed, module.PassRate.Suppressed);
            Assert.Equal(students, module.PassRate.Of);
            Assert.Equal(suppressed ? null : 20, module.PassRate.Count);
            Assert.Equal(suppressed ? null : 20.0 / 23, module.PassRate.Value);
            Assert.Equal(suppressed, module.PassRate.Lower is null);
            var risk = Assert.Single((await QualityQueries.AtRiskAsync(store.Connection, store.Sql, Uni, QualityFilter.All, QualityOptions.Default, default)).Modules);
            // 20 of 23: 87%, but its interval (68%-95%) reaches under 70%.
            Assert.Equal(suppressed ? RiskEvidence.Low : RiskEvidence.PossiblyBelow, risk.Evidence);
        }
    }

    [StoreFact]
    public async Task Release_mode_rounds_every_published_count_to_five_but_computes_rates_from_the_true_counts()
    {
        await using var store = await StoreAsync(QualityTestData.OneModule(48, passing: 37));
        var options = QualityOptions.Default with { Suppression = new SuppressionRule(Release: true) };
        var module = Assert.Single(await QualityQueries.ModulePassRatesAsync(store.Connection, store.Sql, Uni, QualityFilter.All, options, default));
        Assert.Equal(50, module.PassRate.Of);
        Assert.Equal(35, module.PassRate.Count);
        Assert.Equal(37.0 / 48, module.PassRate.Value);
        Assert.Equal(WilsonInterval.Of(37, 48).Lower, module.PassRate.Lower);
    }

    private static void AssertRate(long count, long of, ProportionEstimate estimate, string what)
    {
        Assert.True(of == estimate.Of, $"{what}: denominator {estimate.Of}, expected {of}");
        if (of < 23)
        {
            Assert.True(estimate.Suppressed, $"{what}: {of} under 23 is not suppressed");
            Assert.Null(estimate.Value);
            return;
        }

        var (lower, upper) = WilsonInterval.Of(count, of);
        Assert.True(count == estimate.Count, $"{what}: count {estimate.Count}, expected {count}");
        Assert.Equal((double)count / of, estimate.Value!.Value, Tolerance);
        Assert.Equal(lower, estimate.Lower!.Value, Tolerance);
        Assert.Equal(upper, estimate.Upper!.Value, Tolerance);
    }
}

public sealed class DuckDbQualityKpiTests : QualityKpiContractTests
{
    private protected override Task<QualityTestStore> StoreAsync(QualityData data) => QualityTestStore.WithAsync(postgres: false, data);
}

[RequiresPostgres]
public sealed class PostgresQualityKpiTests : QualityKpiContractTests
{
    private protected override Task<QualityTestStore> StoreAsync(QualityData data) => QualityTestStore.WithAsync(postgres: true, data);
}
