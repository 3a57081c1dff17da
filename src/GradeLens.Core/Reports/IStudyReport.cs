using GradeLens.Core.Risk;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Reports;

/// <summary>
/// One study's part of <c>gradelens report</c>: the files the study handed its readers, computed by the same entry
/// points as its page, within the audience's scope. Register an implementation in <see cref="StudyReports.Registered"/>.
/// </summary>
public interface IStudyReport
{
    /// <summary>The name on the command line: tracking, equity, risk, areas, quality, explore.</summary>
    string Name { get; }

    /// <summary>The heading in index.html.</summary>
    string Title { get; }

    /// <summary>Writes the study's files through <see cref="ReportContext.Files"/>; returns null, or the one sentence saying why there is nothing to write (its data are absent from the store or the scope).</summary>
    Task<string?> WriteAsync(ReportContext context, CancellationToken cancellationToken);
}

/// <summary>Choices a report takes besides its audience.</summary>
/// <param name="RiskTarget">The at-risk model's outcome; null for the Risk page's default (the latest series, its largest subject).</param>
/// <param name="Pseudonymise">Replace student ids with the organisation's pseudonyms even for a role that may see them.</param>
public sealed record ReportOptions(RiskRequest? RiskTarget = null, bool Pseudonymise = false);

/// <summary>What a study writes with: the store, who the report is for, its folder, and where to say how far it got.</summary>
public sealed class ReportContext(IGradeStore store, ReportAudience audience, StudyFiles files, ReportOptions options, IProgress<StageProgress>? progress = null)
{
    public IGradeStore Store => store;

    public ReportAudience Audience => audience;

    /// <summary>The audience's scope, applied by the store in SQL.</summary>
    public Scope Scope => audience.Scope;

    public StudyFiles Files => files;

    public ReportOptions Options => options;

    /// <summary>Progress within the study, 0 to 1.</summary>
    public void Report(string stage, double fraction) => progress?.Report(new StageProgress(stage, Math.Clamp(fraction, 0, 1)));
}
