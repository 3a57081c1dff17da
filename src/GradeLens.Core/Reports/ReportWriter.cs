using System.Diagnostics;
using System.Text;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Reports;

/// <summary>
/// <c>gradelens report</c>'s entry point: each study writes its files into its own subfolder, within the audience's
/// scope, then <c>index.html</c> links them all. Refusing a non-empty folder is <see cref="ReportFolder"/>'s, and
/// the audit entry the host's (it knows who ran the command).
/// </summary>
public static class ReportWriter
{
    public const string IndexFile = "index.html";

    public static async Task<ReportSummary> WriteAsync(
        IGradeStore store,
        IReadOnlyList<IStudyReport> studies,
        string directory,
        ReportAudience audience,
        ReportOptions? options = null,
        IProgress<StageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(audience);
        var clock = Stopwatch.StartNew();
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(directory);
        var outcomes = new List<StudyOutcome>(studies.Count);
        for (var i = 0; i < studies.Count; i++)
        {
            var study = studies[i];
            var files = new StudyFiles(directory, study.Name);
            var within = progress is null ? null : new StudyProgress(progress, study.Title, (double)i / studies.Count, 1.0 / studies.Count);
            within?.Report(new StageProgress("starting", 0));
            var skipped = await study.WriteAsync(new ReportContext(store, audience, files, options ?? new ReportOptions(), within), cancellationToken);
            outcomes.Add(new StudyOutcome(study.Name, study.Title, skipped, files.Entries, files.Notes));
        }

        var summary = new ReportSummary(directory, Path.Combine(directory, IndexFile), audience, outcomes, clock.Elapsed);
        await File.WriteAllTextAsync(summary.IndexPath, ReportIndex.Html(summary, DateTime.UtcNow), new UTF8Encoding(false), cancellationToken);
        progress?.Report(new StageProgress("Done", 1));
        return summary;
    }

    /// <summary>A study's progress as a slice of the whole report's, named after the study.</summary>
    private sealed class StudyProgress(IProgress<StageProgress> whole, string title, double start, double width) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => whole.Report(new StageProgress($"{title}: {value.Stage}", start + (width * value.Fraction)));
    }
}
