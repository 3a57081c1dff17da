using GradeLens.Core.Accounts;
using GradeLens.Core.Reports.Figures;
using GradeLens.Core.Risk;

namespace GradeLens.Core.Reports;

/// <summary>
/// The at-risk study: risk_model_metrics.json, risk_model_coefficients.csv, risk_model_fairness.csv and, for a role that
/// may see students, student_risk_scores.csv (pseudonymised when asked); figures of calibration, fairness and odds
/// ratios. One <see cref="RiskAnalysis.RunAsync"/> (the Risk and Triage pages' entry point) with the page's defaults.
/// </summary>
public sealed class RiskStudyReport : IStudyReport
{
    /// <summary>Odds ratios drawn at most (the largest effects); every one is in the CSV.</summary>
    public const int OddsRatiosShown = 25;

    public string Name => "risk";

    public string Title => "Risk: the at-risk model, its honest evaluation and every student's risk";

    public async Task<string?> WriteAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Options.RiskTarget ?? await RiskTargets.DefaultAsync(context.Store, context.Scope, cancellationToken);
        if (request is null)
        {
            return "No series with results in scope: there is no outcome to predict.";
        }

        context.Report($"training on {request.TargetSubject} in {request.TargetSeries}", 0.1);
        RiskAnalysisResult result;
        try
        {
            result = await RiskAnalysis.RunAsync(context.Store, context.Scope, request, new RiskOptions(), cancellationToken);
        }
        catch (RiskDataException e)
        {
            return $"The at-risk model for {request.TargetSubject} in {request.TargetSeries} could not be trained: {e.Message}";
        }

        var files = context.Files;
        var metrics = RiskMetricsFile.From(result);
        context.Report("writing", 0.8);
        await files.WriteJsonAsync("risk_model_metrics", $"The model's evaluation: {metrics.Outcome}", metrics.Method, metrics, cancellationToken);
        await files.WriteCsvAsync("risk_model_coefficients", "Odds ratios per unit of each feature",
            "exp(coefficient) of the model fitted on every student, 95% Wald interval from the Hessian, and its p-value.", RiskStudyFiles.Coefficients(result.Report), cancellationToken);
        await files.WriteCsvAsync("risk_model_fairness", "The model's AUC within each group of every protected attribute",
            $"Out-of-fold AUC with DeLong's 95% interval, mean predicted risk and observed rate per group; groups under {Math.Max(new RiskOptions().MinimumGroupSize, context.Scope.MinimumCellSize)} suppressed.",
            RiskStudyFiles.Fairness(result.Report), cancellationToken);
        if (context.Audience.SeesStudents)
        {
            var pseudonymise = context.Options.Pseudonymise;
            var name = pseudonymise ? await Pseudonyms.ForAsync(context.Store.Accounts, context.Scope.Organisation, cancellationToken) : id => id;
            await files.WriteCsvAsync("student_risk_scores", "Every student ranked by calibrated risk, with the reasons",
                (pseudonymise ? "Ids pseudonymised (P- and a keyed hash under the organisation's secret, the same in every export). " : "") +
                "Students with an outcome carry their out-of-fold risk; the others are scored by the model fitted on everyone.",
                RiskStudyFiles.Scores(result.Ranked, name), cancellationToken);
        }
        else
        {
            files.Note($"student_risk_scores.csv is not written: {context.Audience.Name} is an {context.Audience.Role.Name()}, who sees aggregates only, never a student row.");
        }

        await files.WriteFigureAsync("reliability", Reliability(result.Report, metrics.Outcome), cancellationToken);
        if (Fairness(result.Report) is { } fairness)
        {
            await files.WriteFigureAsync("fairness", fairness, cancellationToken);
        }

        if (OddsRatios(result.Report) is { } odds)
        {
            await files.WriteFigureAsync("odds_ratios", odds, cancellationToken);
        }

        return null;
    }

    public static LineChart Reliability(RiskReport report, string outcome)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new FigureText($"Calibration: predicted against observed risk ({outcome})", "Mean predicted risk in the bin (0 to 1)", "Observed share with the outcome (0 to 1)",
            $"{report.Reliability.Count} equal-width bins of out-of-fold risk, {report.Folds}-fold cross-validation; Brier {report.Brier:0.000}, AUC {report.Auc.Auc:0.000} ({report.Auc.Lower:0.000}-{report.Auc.Upper:0.000}, DeLong).");
        return new LineChart(text,
        [
            new LineSeries("model (out-of-fold)", [.. report.Reliability.Select(b => new LinePoint(b.MeanPredicted, b.ObservedRate))]),
            new LineSeries("perfect calibration", [new LinePoint(0, 0), new LinePoint(1, 1)], Dashed: true),
        ], YMinimum: 0, YMaximum: 1);
    }

    /// <summary>AUC per shown group with its DeLong interval; null when no group has one.</summary>
    public static BarChart? Fairness(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = report.Fairness.Where(g => !g.Suppressed && g.Auc is not null).ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var text = new FigureText("The model's AUC within each group", "Group (protected attribute = value)", "AUC (0.5 = chance, 1 = perfect)",
            $"Out-of-fold AUC per group, DeLong 95% interval; suppressed groups (under the minimum size) left out; overall AUC {report.Auc.Auc:0.000}.");
        return new BarChart(text, [.. groups.Select(g => new BarValue($"{g.Attribute} = {g.Group}", "AUC", g.Auc!.Auc, g.Auc.Lower, g.Auc.Upper))]);
    }

    /// <summary>Odds ratios from 1 (no effect), the largest effects first; null for a model without features.</summary>
    public static BarChart? OddsRatios(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = report.OddsRatios.Where(o => o is { Ratio: not null, Coefficient: not null }).OrderByDescending(o => Math.Abs(o.Coefficient!.Value)).Take(OddsRatiosShown).Reverse().ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var text = new FigureText("Odds ratios of the at-risk model", "Odds ratio per unit of the feature (1 = no effect)", "Feature",
            $"exp(coefficient) with its 95% Wald interval; the {shown.Count} largest of {report.OddsRatios.Count} effects (all in risk_model_coefficients.csv, with the reason for any not shown).");
        return new BarChart(text, [.. shown.Select(o => new BarValue(o.Feature, "odds ratio", o.Ratio!.Value, o.Lower, o.Upper))], Base: 1, Horizontal: true);
    }
}
