using System.Text;
using GradeLens.Core.Exports;

namespace GradeLens.Core.Quality;

/// <summary>
/// The study's four CSVs, written through <see cref="CsvText"/>: each begins with the study's own columns (as in
/// ../shared/data/quality-kpis/), then the interval and suppression columns it lacked. A suppressed KPI ("low") has no
/// rate, count or interval and says <c>suppressed=true</c>; in release mode every count is already rounded to 5 in the
/// answers. Rates in the study's columns are percentages to one decimal; intervals likewise.
/// </summary>
public static class QualityReportFiles
{
    public const string PassRateFile = "kpi_pass_rate.csv";
    public const string TurnaroundFile = "assessment_turnaround_bins.csv";
    public const string EngagementFile = "engagement_index.csv";
    public const string AtRiskFile = "at_risk_modules.csv";

    /// <summary>The four files in <paramref name="directory"/> (created when missing), UTF-8 without a byte-order mark, as the study's were.</summary>
    /// <returns>Their paths, in the order above.</returns>
    public static IReadOnlyList<string> Write(QualityReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var files = new (string Name, string Text)[]
        {
            (PassRateFile, PassRateCsv(report.PassRates)),
            (TurnaroundFile, TurnaroundCsv(report.Turnaround)),
            (EngagementFile, EngagementCsv(report.Engagement)),
            (AtRiskFile, AtRiskCsv(report.AtRisk)),
        };
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var paths = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text, encoding);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>kpi_pass_rate.csv: programme, term, students, pass_rate_pct; then the results, passes, Wilson interval and suppression.</summary>
    public static string PassRateCsv(PassRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var csv = new CsvText(["programme", "term", "students", "pass_rate_pct", "programme_id", "faculty", "results", "passed", "lower_pct", "upper_pct", "suppressed"]);
        foreach (var p in rates.Programmes)
        {
            csv.Row([CsvText.Text(p.Programme), CsvText.Text(p.Term), CsvText.Number(p.Students), Percent(p.PassRate.Value), CsvText.Text(p.ProgrammeId),
                CsvText.Text(p.Faculty), .. Estimate(p.PassRate)]);
        }

        return csv.ToString();
    }

    /// <summary>
    /// assessment_turnaround_bins.csv: assessment_id, turnaround_days (calendar), turn_bin; then working days and their
    /// bin, late (over the policy limit), the status, the age of work outstanding, and where the assessment belongs.
    /// </summary>
    public static string TurnaroundCsv(TurnaroundAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var csv = new CsvText(["assessment_id", "turnaround_days", "turn_bin", "working_days", "working_bin", "late", "status", "outstanding_days",
            "outstanding_working_days", "title", "module_id", "programme_id", "programme", "term", "due_on", "returned_on"]);
        foreach (var a in answer.Assessments)
        {
            var returned = a.Status == TurnaroundStatus.Returned;
            var outstanding = a.Status == TurnaroundStatus.Outstanding;
            csv.Row([CsvText.Text(a.AssessmentId), returned ? CsvText.Number(a.CalendarDays) : "", CsvText.Text(a.Bin), returned ? CsvText.Number(a.WorkingDays) : "",
                CsvText.Text(a.WorkingBin), a.Late is { } late ? CsvText.Flag(late) : "", CsvText.Text(Snake(a.Status.ToString())),
                outstanding ? CsvText.Number(a.CalendarDays) : "", outstanding ? CsvText.Number(a.WorkingDays) : "", CsvText.Text(a.Title), CsvText.Text(a.ModuleId),
                CsvText.Text(a.ProgrammeId), CsvText.Text(a.Programme), CsvText.Text(a.Term), Date(a.DueOn), Date(a.ReturnedOn)]);
        }

        return csv.ToString();
    }

    /// <summary>engagement_index.csv: programme, term, mean_score_1_5, engagement_index; then students, responses, median visits, the survey source and suppression.</summary>
    public static string EngagementCsv(EngagementAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var csv = new CsvText(["programme", "term", "mean_score_1_5", "engagement_index", "programme_id", "faculty", "students", "responses", "median_visits",
            "survey_source", "suppressed"]);
        foreach (var e in answer.Programmes)
        {
            csv.Row([CsvText.Text(e.Programme), CsvText.Text(e.Term), CsvText.Number(e.MeanScore), CsvText.Number(e.Index), CsvText.Text(e.ProgrammeId),
                CsvText.Text(e.Faculty), CsvText.Number(e.Students), CsvText.Number(e.Responses), CsvText.Number(e.MedianVisits), CsvText.Text(e.SurveySource),
                CsvText.Flag(e.Suppressed)]);
        }

        return csv.ToString();
    }

    /// <summary>at_risk_modules.csv: module_id, pass_rate (%), mean_survey, at_risk; then the module, its interval, the evidence and suppression.</summary>
    public static string AtRiskCsv(AtRiskAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var csv = new CsvText(["module_id", "pass_rate", "mean_survey", "at_risk", "title", "programme_id", "programme", "term", "students", "passed",
            "lower_pct", "upper_pct", "survey_responses", "evidence", "suppressed"]);
        foreach (var r in answer.Modules)
        {
            var m = r.Module;
            var estimate = Estimate(m.PassRate);
            csv.Row([CsvText.Text(m.ModuleId), Percent(m.PassRate.Value), CsvText.Number(Rounded(r.SurveyMean, 3)), CsvText.Flag(r.AtRisk), CsvText.Text(m.Title),
                CsvText.Text(m.ProgrammeId), CsvText.Text(m.Programme), CsvText.Text(m.Term), CsvText.Number(m.PassRate.Of), estimate[1], estimate[2], estimate[3],
                CsvText.Number(r.SurveyResponses), CsvText.Text(Snake(r.Evidence.ToString())), estimate[4]]);
        }

        return csv.ToString();
    }

    /// <summary>"ClearlyBelow" as "clearly_below", as the CLI's JSON spells enums.</summary>
    public static string Snake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>Of, count, lower %, upper %, suppressed: a suppressed estimate has only its denominator.</summary>
    private static string[] Estimate(ProportionEstimate estimate) =>
        [CsvText.Number(estimate.Of), CsvText.Number(estimate.Count), Percent(estimate.Lower), Percent(estimate.Upper), CsvText.Flag(estimate.Suppressed)];

    private static string Percent(double? rate) => CsvText.Number(Rounded(rate * 100, 1));

    private static double? Rounded(double? value, int digits) => value is { } v ? Math.Round(v, digits, MidpointRounding.AwayFromZero) : null;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
