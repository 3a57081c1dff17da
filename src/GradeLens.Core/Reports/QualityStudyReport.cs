using System.Globalization;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Reports;

/// <summary>
/// The university quality study: its four CSVs as <see cref="QualityReportFiles"/> writes them (the study's columns
/// first, then intervals and suppression) and its four figures (<see cref="QualityFigures"/>), all from one
/// <see cref="QualityReads.GetQualityReportAsync"/> (the Quality page's entry points, kept per data version) with the
/// page's defaults, in the audience's scope: KPIs under the minimum are "low" (suppressed) in every file, and an
/// aggregates-only audience's minimum is raised to its scope's, in SQL, as on the page.
/// </summary>
/// <param name="asOf">The day outstanding feedback is aged to; null for today (UTC), as the page and the CLI do.</param>
public sealed class QualityStudyReport(DateOnly? asOf = null) : IStudyReport
{
    public string Name => "quality";

    public string Title => "Quality: a university's pass rates, feedback turnaround, engagement and modules at risk";

    public async Task<string?> WriteAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var choices = await context.Store.GetQualityChoicesAsync(context.Scope, cancellationToken);
        if (!choices.HasData)
        {
            return "No university data in scope (programmes, modules and their assessments): the Quality report needs a university's tables (gradelens quality import).";
        }

        var day = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var options = QualityOptions.Default;
        context.Report("reading the KPIs", 0.1);
        var report = await context.Store.GetQualityReportAsync(context.Scope, QualityFilter.All, day, options: options, cancellationToken: cancellationToken);
        var minimum = MinimumShown(context.Scope, options);
        var low = $"a KPI over fewer than {minimum} students is \"low\": suppressed=true, its figures blank";
        var files = context.Files;
        context.Report("writing the tables", 0.6);
        await files.WriteCsvAsync(Stem(QualityReportFiles.PassRateFile), "Pass rate per programme and term",
            $"{Sentence(report.PassRates.Rule)}; Wilson {Percent(options.Confidence)} interval (lower_pct, upper_pct); {low}.",
            CsvFields.Table(QualityReportFiles.PassRateCsv(report.PassRates)), cancellationToken);
        await files.WriteCsvAsync(Stem(QualityReportFiles.TurnaroundFile), "Feedback turnaround of every assessment",
            Invariant($"Returned - due in calendar days (the study's turnaround_days and bins) and in working days ({report.Turnaround.Calendar}); late = over {report.Turnaround.PolicyWorkingDays} working days; work not returned by {day:yyyy-MM-dd} is outstanding, with its age."),
            CsvFields.Table(QualityReportFiles.TurnaroundCsv(report.Turnaround)), cancellationToken);
        await files.WriteCsvAsync(Stem(QualityReportFiles.EngagementFile), "Engagement index per programme and term",
            $"The study's index: mean survey score (1-5) x ln(1 + median support visits per student, none counting 0); {low}.",
            CsvFields.Table(QualityReportFiles.EngagementCsv(report.Engagement)), cancellationToken);
        await files.WriteCsvAsync(Stem(QualityReportFiles.AtRiskFile), "Every module against the at-risk rule, with the evidence",
            Invariant($"At risk: pass rate under {options.AtRisk.PassRate * 100:0.#}% and mean survey score under {options.AtRisk.SurveyMean:0.##}; evidence from the Wilson interval (clearly below: its upper bound under the threshold; possibly: it straddles it); {low}."),
            CsvFields.Table(QualityReportFiles.AtRiskCsv(report.AtRisk)), cancellationToken);

        context.Report("drawing the figures", 0.8);
        foreach (var trend in report.Trends.Programmes)
        {
            if (QualityFigures.Trend(trend, report.Trends, options, minimum) is { } figure)
            {
                await files.WriteFigureAsync(ReportFileName.Of("pass_rate_trend", trend.Programme), figure, cancellationToken);
            }
            else
            {
                files.Note($"pass_rate_trend for {trend.Programme} is not drawn: every term is under {minimum} students (\"low\").");
            }
        }

        await WriteOrNoteAsync(files, "turnaround_distribution", QualityFigures.Turnaround(report.TurnaroundView),
            "no assessment has been returned yet, so there is no turnaround to draw", cancellationToken);
        await WriteOrNoteAsync(files, "scatter_pass_vs_survey", QualityFigures.PassAgainstSurvey(report.AtRisk, minimum),
            "no module has both a published pass rate and a survey score", cancellationToken);
        await WriteOrNoteAsync(files, "scatter_engagement_vs_pass", QualityFigures.EngagementAgainstPass(report.EngagementAgainstPassRate, options, minimum),
            "no programme and term has both a published engagement index and pass rate", cancellationToken);
        return null;
    }

    /// <summary>The smallest denominator a KPI is shown for: the rule's, raised to the scope's minimum for an aggregates-only audience (as the queries do).</summary>
    public static int MinimumShown(Scope scope, QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(options);
        return scope.AggregatesOnly ? Math.Max(scope.MinimumCellSize, options.Suppression.Minimum) : options.Suppression.Minimum;
    }

    private static async Task WriteOrNoteAsync(StudyFiles files, string name, Figures.Figure? figure, string why, CancellationToken cancellationToken)
    {
        if (figure is null)
        {
            files.Note($"{name}.png is not drawn: {why}.");
            return;
        }

        await files.WriteFigureAsync(name, figure, cancellationToken);
    }

    private static string Stem(string file) => Path.GetFileNameWithoutExtension(file);

    private static string Sentence(string rule) => rule.Length == 0 ? rule : char.ToUpperInvariant(rule[0]) + rule[1..];

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
