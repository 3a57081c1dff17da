using GradeLens.Core.Exports;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;

namespace GradeLens.Core.Reports;

/// <summary>risk_model_metrics.json: what the model predicts and how well, every figure out-of-fold (the Risk page's evaluation).</summary>
/// <param name="Auc">With its DeLong 95% interval (lower, upper) and standard error.</param>
/// <param name="LogLoss">In nats, as scikit-learn reports it.</param>
/// <param name="Reliability">The calibration curve: equal-width bins of predicted risk, each with its students, mean prediction and observed rate.</param>
public sealed record RiskMetricsFile(
    string TargetSeries, string TargetSubject, double Threshold, string Outcome,
    int Students, int Positives, int Features, IReadOnlyList<string> FeatureSeries, int Folds, int Seed,
    AucEstimate Auc, double Brier, double LogLoss, CalibrationMethod Calibration, double CalibratedBrier, double CalibratedLogLoss,
    IReadOnlyList<ReliabilityBin> Reliability, IReadOnlyList<GroupPerformance> Fairness, IReadOnlyList<string> Notes, IReadOnlyList<string> Warnings,
    string Method)
{
    public static RiskMetricsFile From(RiskAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var f = result.Features;
        var r = result.Report;
        return new RiskMetricsFile(f.Request.TargetSeries, f.Request.TargetSubject, f.Threshold, $"{f.Request.TargetSubject} in {f.Request.TargetSeries} below {f.Threshold:0.##}",
            r.Students, r.Positives, r.Features, f.FeatureSeries, r.Folds, r.Seed, r.Auc, r.Brier, r.LogLoss, r.Calibration, r.CalibratedBrier, r.CalibratedLogLoss,
            r.Reliability, r.Fairness, f.Notes, r.Warnings,
            $"Logistic regression (exact Newton fit); {r.Folds}-fold stratified cross-validation, seed {r.Seed}; AUC interval DeLong's; log-loss in nats; calibrated figures cross-fitted ({r.Calibration}).");
    }
}

/// <summary>The risk study's CSV tables, from one <see cref="RiskAnalysis.RunAsync"/> answer.</summary>
public static class RiskStudyFiles
{
    public static IReadOnlyList<string> CoefficientHeader { get; } =
        ["feature", "coefficient", "standard_error", "odds_ratio", "odds_ratio_lower", "odds_ratio_upper", "p_value"];

    public static IReadOnlyList<string> FairnessHeader { get; } =
        ["attribute", "group", "suppressed", "students", "positives", "auc", "auc_lower", "auc_upper", "mean_risk", "observed_rate"];

    public static IReadOnlyList<string> ScoreHeader { get; } = ["rank", "student_id", "risk", "outcome", "reasons"];

    public static ReportTable Coefficients(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new ReportTable(CoefficientHeader);
        foreach (var o in report.OddsRatios)
        {
            csv.Row([CsvText.Text(o.Feature), CsvText.Number(o.Coefficient), CsvText.Number(o.StandardError), CsvText.Number(o.Ratio), CsvText.Number(o.Lower), CsvText.Number(o.Upper), CsvText.Number(o.P)]);
        }

        return csv;
    }

    public static ReportTable Fairness(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new ReportTable(FairnessHeader);
        foreach (var g in report.Fairness)
        {
            csv.Row([
                CsvText.Text(g.Attribute), CsvText.Text(g.Group), CsvText.Flag(g.Suppressed), CsvText.Number(g.Students), CsvText.Number(g.Positives),
                CsvText.Number(g.Auc?.Auc), CsvText.Number(g.Auc?.Lower), CsvText.Number(g.Auc?.Upper), CsvText.Number(g.MeanRisk), CsvText.Number(g.ObservedRate),
            ]);
        }

        return csv;
    }

    /// <summary>Every student ranked by calibrated risk, each id as <paramref name="name"/> gives it (itself, or its pseudonym).</summary>
    public static ReportTable Scores(IReadOnlyList<StudentRisk> ranked, Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(name);
        var csv = new ReportTable(ScoreHeader);
        for (var i = 0; i < ranked.Count; i++)
        {
            var s = ranked[i];
            var reasons = string.Join("; ", s.Reasons.Select(c => $"{c.Feature} = {c.Value:0.##} (+{c.LogOdds:0.00} log-odds)"));
            csv.Row([CsvText.Number(i + 1), CsvText.Text(name(s.StudentId)), CsvText.Number(s.Risk), CsvText.Text(s.Outcome switch { true => "yes", false => "no", null => "not yet" }), CsvText.Text(reasons)]);
        }

        return csv;
    }
}
