namespace GradeLens.Core.Reports;

/// <summary>
/// The studies <c>gradelens report</c> knows, in the order <c>report all</c> writes them. This list is the registration
/// point: a feature plugs its report in by adding an <see cref="IStudyReport"/> here (one line), nothing else changes
/// (the command, the index and the audit entry take every study from this list).
/// Areas and Quality are registered as <see cref="PendingStudyReport"/>s until their Core entry points exist: replace
/// the line with the feature's report (for Quality: kpi_pass_rate.csv, assessment_turnaround_bins.csv,
/// engagement_index.csv, at_risk_modules.csv and its four figures, drawn with the charts in <see cref="Figures"/>:
/// <see cref="Figures.LineChart"/> for pass-rate trends with Wilson bands, <see cref="Figures.HistogramChart"/> with the
/// policy line for turnaround, <see cref="Figures.ScatterChart"/> with both thresholds and at-risk modules marked).
/// </summary>
public static class StudyReports
{
    public const string All = "all";

    public static IReadOnlyList<IStudyReport> Registered { get; } =
    [
        new TrackingStudyReport(),
        new EquityStudyReport(),
        new RiskStudyReport(),
        new PendingStudyReport("areas", "Areas: attainment against area measures",
            "The Areas report is not built yet: GradeLens has no Areas entry point that reads a store (Core/Areas fits models on a panel), so there is nothing to write."),
        new PendingStudyReport("quality", "Quality: a university's pass rates, feedback turnaround, engagement and modules at risk",
            "The Quality report is not built yet: its KPIs are computed in Core/Quality's SQL, but there is no Quality entry point (a QualityReads) for a report to call in this version."),
        new ExploreStudyReport(),
    ];

    /// <summary>Every name <c>gradelens report</c> takes: each study, then "all".</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Registered.Select(s => s.Name), All];

    /// <summary>The study of that name, or every study for "all"; empty for a name no study has.</summary>
    public static IReadOnlyList<IStudyReport> Select(string name) =>
        string.Equals(name, All, StringComparison.OrdinalIgnoreCase)
            ? Registered
            : [.. Registered.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))];
}

/// <summary>A study whose report is not built yet: registered so the command names it, it writes nothing and says why.</summary>
public sealed class PendingStudyReport(string name, string title, string reason) : IStudyReport
{
    public string Name => name;

    public string Title => title;

    public Task<string?> WriteAsync(ReportContext context, CancellationToken cancellationToken) => Task.FromResult<string?>(reason);
}
