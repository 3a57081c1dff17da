namespace GradeLens.Core.Reports;

/// <summary>
/// The studies <c>gradelens report</c> knows, in the order <c>report all</c> writes them. This list is the registration
/// point: a feature plugs its report in by adding an <see cref="IStudyReport"/> here (one line), nothing else changes
/// (the command, the index and the audit entry take every study from this list). A study not built yet can hold its
/// place as a <see cref="PendingStudyReport"/>, which writes nothing and says why; every study here is built.
/// </summary>
public static class StudyReports
{
    public const string All = "all";

    public static IReadOnlyList<IStudyReport> Registered { get; } =
    [
        new TrackingStudyReport(),
        new EquityStudyReport(),
        new RiskStudyReport(),
        new AreasStudyReport(),
        new QualityStudyReport(),
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
