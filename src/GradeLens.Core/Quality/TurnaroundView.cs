namespace GradeLens.Core.Quality;

/// <summary>Returned assessments that took this many working days (a bar of the turnaround histogram).</summary>
public sealed record WorkingDayCount(int WorkingDays, long Assessments);

/// <summary>
/// Feedback turnaround, chart-ready: the study's bins, a histogram of returned work by working days with the policy
/// limit, the rate within policy overall and per programme and term, and the work still outstanding (oldest first).
/// Counts are assessments, published as <see cref="SuppressionRule.Publish"/> says (rounded to 5 in release mode).
/// </summary>
/// <param name="OutstandingListed">The oldest outstanding assessments, at most the number asked for.</param>
/// <param name="Outstanding">All work due and not returned on <paramref name="AsOf"/>.</param>
/// <param name="OutstandingLate">Of those, past the policy limit.</param>
public sealed record TurnaroundView(
    DateOnly AsOf, int PolicyWorkingDays, string Calendar, long Assessments, long Returned, long Outstanding, long OutstandingLate, long NotYetDue,
    ProportionEstimate WithinPolicy, double? MedianWorkingDays, IReadOnlyList<TurnaroundBin> Bins, IReadOnlyList<WorkingDayCount> Histogram,
    IReadOnlyList<TurnaroundGroup> Programmes, IReadOnlyList<AssessmentTurnaround> OutstandingListed)
{
    /// <summary>How many outstanding assessments a view lists unless told otherwise.</summary>
    public const int DefaultListed = 50;

    public static TurnaroundView Of(TurnaroundAnswer answer, SuppressionRule rule, int listed = DefaultListed)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(listed);
        var returned = answer.Assessments.Where(a => a.Status == TurnaroundStatus.Returned).Select(a => a.WorkingDays!.Value).Order().ToList();
        var outstanding = answer.Assessments.Where(a => a.Status == TurnaroundStatus.Outstanding).ToList();
        var histogram = returned.GroupBy(d => d).Select(g => new WorkingDayCount(g.Key, rule.Publish(g.Count()))).ToList();
        double? median = returned.Count == 0 || rule.ForAssessments().Suppresses(returned.Count) ? null
            : returned.Count % 2 == 1 ? returned[returned.Count / 2] : (returned[(returned.Count / 2) - 1] + returned[returned.Count / 2]) / 2.0;
        return new TurnaroundView(answer.AsOf, answer.PolicyWorkingDays, answer.Calendar, rule.Publish(answer.Assessments.Count), rule.Publish(returned.Count),
            rule.Publish(outstanding.Count), rule.Publish(outstanding.Count(a => a.Late == true)),
            rule.Publish(answer.Assessments.Count(a => a.Status == TurnaroundStatus.NotYetDue)),
            answer.WithinPolicy, median, answer.Bins, histogram, answer.Programmes,
            [.. outstanding.OrderByDescending(a => a.WorkingDays).ThenBy(a => a.AssessmentId, StringComparer.Ordinal).Take(listed)]);
    }
}
