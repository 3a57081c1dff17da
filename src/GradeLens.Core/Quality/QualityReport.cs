namespace GradeLens.Core.Quality;

/// <summary>A programme's engagement index against its pass rate in one term (the study's scatter_engagement_vs_pass figure).</summary>
/// <param name="Suppressed">The index or the pass rate is "low": the point is not drawn.</param>
public sealed record EngagementPassPoint(string ProgrammeId, string Programme, string Term, double? EngagementIndex, ProportionEstimate PassRate, bool Suppressed);

/// <summary>
/// Everything a Quality report is made of, chart-ready: the answers behind the study's four CSVs
/// (<see cref="QualityReportFiles"/>) and its four figures: pass_rate_trend_&lt;Programme&gt; (<see cref="Trends"/>),
/// turnaround_distribution (<see cref="TurnaroundView"/>: bins and the histogram in working days with the policy limit),
/// scatter_pass_vs_survey (<see cref="AtRisk"/>: each module's pass rate and survey mean, the two thresholds, at-risk
/// flags and evidence) and scatter_engagement_vs_pass (<see cref="EngagementAgainstPassRate"/>). Suppressed figures are
/// flagged, never drawn.
/// </summary>
public sealed record QualityReport(
    QualityOptions Options, PassRates PassRates, TrendAnswer Trends, TurnaroundAnswer Turnaround, TurnaroundView TurnaroundView,
    EngagementAnswer Engagement, AtRiskAnswer AtRisk, IReadOnlyList<EngagementPassPoint> EngagementAgainstPassRate)
{
    public static QualityReport Of(
        QualityOptions options, PassRates passRates, TrendAnswer trends, TurnaroundAnswer turnaround, EngagementAnswer engagement, AtRiskAnswer atRisk)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(passRates);
        ArgumentNullException.ThrowIfNull(engagement);
        var rates = passRates.Programmes.ToDictionary(p => (p.ProgrammeId, p.Term));
        var points = engagement.Programmes
            .Where(e => rates.ContainsKey((e.ProgrammeId, e.Term)))
            .Select(e =>
            {
                var rate = rates[(e.ProgrammeId, e.Term)].PassRate;
                return new EngagementPassPoint(e.ProgrammeId, e.Programme, e.Term, e.Index, rate, e.Suppressed || rate.Suppressed || e.Index is null);
            })
            .ToList();
        return new QualityReport(options, passRates, trends, turnaround, TurnaroundView.Of(turnaround, options.Suppression), engagement, atRisk, points);
    }
}
