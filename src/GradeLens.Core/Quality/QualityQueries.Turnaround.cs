using System.Data.Common;
using GradeLens.Core.Storage;
using static GradeLens.Core.Quality.QualityScopeSql;

namespace GradeLens.Core.Quality;

internal static partial class QualityQueries
{
    /// <summary>
    /// Feedback turnaround of every scoped assessment (a university has thousands, so working days are counted here
    /// over the per-assessment rows), relative to <paramref name="asOf"/> for work not yet returned.
    /// </summary>
    public static async Task<TurnaroundAnswer> TurnaroundAsync(
        DbConnection connection, StoreSqlDialect sql, Scope scope, QualityFilter filter, QualityOptions options,
        WorkingDayCalendar calendar, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Parameters($"""
            WITH {ScopedModules(sql, scope, filter, command)}
            SELECT a.assessment_id, a.title, sm.module_id, sm.title, sm.programme_id, sm.programme, sm.term, a.due_on, a.returned_on
            FROM he_assessments a
            JOIN scoped_modules sm ON {QualityScopeSql.On(scope, "sm", "a", "module_id")}
            WHERE {sql.OrganisationCondition(scope, command, "a.organisation")}
            """);
        var rows = new List<(string Id, string Title, string Module, string ModuleTitle, string ProgrammeId, string Programme, string Term, DateOnly Due, DateOnly? Returned)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((Text(reader, 0), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), Text(reader, 6),
                    Date(reader, 7), NullableDate(reader, 8)));
            }
        }

        var assessments = rows.Select(r => TurnaroundSummary.Assess(
            new AssessmentTurnaround(r.Id, r.Title, r.Module, r.ModuleTitle, r.ProgrammeId, r.Programme, r.Term, r.Due, r.Returned,
                TurnaroundStatus.Returned, null, null, null, null, null), calendar, asOf, options.PolicyWorkingDays));
        return TurnaroundSummary.Summarise(Sorted(assessments, a => a.ProgrammeId, a => a.Term + "\u0000" + a.ModuleId + "\u0000" + a.AssessmentId),
            Rule(scope, options).ForAssessments(), options, calendar, asOf);
    }
}

/// <summary>The turnaround arithmetic: calendar and working days, the study's bins, and the policy rate per programme and term.</summary>
public static class TurnaroundSummary
{
    /// <summary>The study's bins, by their upper bound in days (inclusive); the last is open.</summary>
    public static IReadOnlyList<(string Label, int UpTo)> Bins { get; } = [("≤10", 10), ("11-15", 15), ("16-20", 20), (">20", int.MaxValue)];

    public static string BinOf(int days) => Bins.First(b => days <= b.UpTo).Label;

    /// <summary>The assessment's status, days and bins on <paramref name="asOf"/>.</summary>
    public static AssessmentTurnaround Assess(AssessmentTurnaround assessment, WorkingDayCalendar calendar, DateOnly asOf, int policyWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(calendar);
        if (assessment.ReturnedOn is { } returned)
        {
            var calendarDays = returned.DayNumber - assessment.DueOn.DayNumber;
            var working = calendar.WorkingDaysBetween(assessment.DueOn, returned);
            return assessment with
            {
                Status = TurnaroundStatus.Returned, CalendarDays = calendarDays, WorkingDays = working,
                Bin = BinOf(calendarDays), WorkingBin = BinOf(working), Late = working > policyWorkingDays,
            };
        }

        if (assessment.DueOn > asOf)
        {
            return assessment with { Status = TurnaroundStatus.NotYetDue, CalendarDays = null, WorkingDays = null, Bin = null, WorkingBin = null, Late = null };
        }

        var age = calendar.WorkingDaysBetween(assessment.DueOn, asOf);
        return assessment with
        {
            Status = TurnaroundStatus.Outstanding, CalendarDays = asOf.DayNumber - assessment.DueOn.DayNumber, WorkingDays = age,
            Bin = null, WorkingBin = null, Late = age > policyWorkingDays,
        };
    }

    /// <param name="rule">The suppression rule for assessments (<see cref="SuppressionRule.ForAssessments"/>).</param>
    public static TurnaroundAnswer Summarise(
        IReadOnlyList<AssessmentTurnaround> assessments, SuppressionRule rule, QualityOptions options, WorkingDayCalendar calendar, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var returned = assessments.Where(a => a.Status == TurnaroundStatus.Returned).ToList();
        var bins = Bins.Select(b => new TurnaroundBin(b.Label,
            rule.Publish(returned.Count(a => a.Bin == b.Label)), rule.Publish(returned.Count(a => a.WorkingBin == b.Label)))).ToList();
        var groups = assessments
            .GroupBy(a => (a.ProgrammeId, a.Programme, a.Term))
            .Select(g => Group(g.Key.ProgrammeId, g.Key.Programme, g.Key.Term, [.. g], rule, options.Confidence))
            .ToList();
        return new TurnaroundAnswer(asOf, options.PolicyWorkingDays, calendar.Description, bins, WithinPolicy(assessments, rule, options.Confidence),
            groups, assessments);
    }

    private static TurnaroundGroup Group(string programmeId, string programme, string term, IReadOnlyList<AssessmentTurnaround> items, SuppressionRule rule, double confidence)
    {
        var returned = items.Where(a => a.Status == TurnaroundStatus.Returned).Select(a => a.WorkingDays!.Value).Order().ToList();
        var outstanding = items.Where(a => a.Status == TurnaroundStatus.Outstanding).ToList();
        double? median = returned.Count == 0 || rule.Suppresses(returned.Count) ? null
            : returned.Count % 2 == 1 ? returned[returned.Count / 2] : (returned[(returned.Count / 2) - 1] + returned[returned.Count / 2]) / 2.0;
        return new TurnaroundGroup(programmeId, programme, term, rule.Publish(returned.Count), rule.Publish(outstanding.Count),
            rule.Publish(outstanding.Count(a => a.Late == true)), median, WithinPolicy(items, rule, confidence));
    }

    /// <summary>On-time returns over returns plus work outstanding past the limit.</summary>
    private static ProportionEstimate WithinPolicy(IEnumerable<AssessmentTurnaround> items, SuppressionRule rule, double confidence)
    {
        var judged = items.Where(a => a.Status == TurnaroundStatus.Returned || a.Late == true).ToList();
        return ProportionEstimate.From(judged.Count(a => a.Late == false), judged.Count, rule, confidence);
    }
}
