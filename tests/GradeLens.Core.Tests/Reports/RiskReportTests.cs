using System.Text.Json;
using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Tests.Reports;

public sealed class RiskReportTests(DemoReportStore demo) : IClassFixture<DemoReportStore>
{
    [Fact]
    public async Task Each_risk_table_has_its_golden_header()
    {
        await using var copy = await demo.OpenCopyAsync();
        await copy.WriteAsync("risk");

        Assert.Equal(["feature", "coefficient", "standard_error", "odds_ratio", "odds_ratio_lower", "odds_ratio_upper", "p_value"], copy.HeaderOf("risk/risk_model_coefficients.csv"));
        Assert.Equal(["attribute", "group", "suppressed", "students", "positives", "auc", "auc_lower", "auc_upper", "mean_risk", "observed_rate"], copy.HeaderOf("risk/risk_model_fairness.csv"));
        Assert.Equal(["rank", "student_id", "risk", "outcome", "reasons"], copy.HeaderOf("risk/student_risk_scores.csv"));
    }

    [Fact]
    public async Task The_metrics_and_figures_equal_the_risk_pages_answer_for_the_same_target()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("risk");
        var target = await RiskTargets.DefaultAsync(copy.Store, Scope.Everything);
        var page = await RiskAnalysis.RunAsync(copy.Store, Scope.Everything, target!, new RiskOptions());

        Assert.Equal(("Final", "English Language"), (target!.TargetSeries, target.TargetSubject));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(copy.ReportDirectory, "risk/risk_model_metrics.json"));
        Assert.NotEqual(0xEF, bytes[0]);
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        Assert.Equal(page.Report.Auc.Auc, root.GetProperty("auc").GetProperty("auc").GetDouble());
        Assert.Equal(page.Report.Auc.Lower, root.GetProperty("auc").GetProperty("lower").GetDouble());
        Assert.Equal(page.Report.Auc.Upper, root.GetProperty("auc").GetProperty("upper").GetDouble());
        Assert.Equal(page.Report.Brier, root.GetProperty("brier").GetDouble());
        Assert.Equal(page.Report.LogLoss, root.GetProperty("log_loss").GetDouble());
        Assert.Equal(page.Report.Reliability.Count, root.GetProperty("reliability").GetArrayLength());

        var reliability = (LineChart)summary.Files.Single(f => f.Path == "risk/reliability.png").Figure!;
        Assert.Equal(page.Report.Reliability.Select(b => (b.MeanPredicted, b.ObservedRate)), reliability.Series[0].Points.Select(p => (p.X, p.Y)));
        var odds = (BarChart)summary.Files.Single(f => f.Path == "risk/odds_ratios.png").Figure!;
        Assert.All(odds.Bars, b => Assert.Contains(page.Report.OddsRatios, o => o.Feature == b.Category && o.Ratio == b.Value && o.Lower == b.Lower && o.Upper == b.Upper));
        var fairness = (BarChart)summary.Files.Single(f => f.Path == "risk/fairness.png").Figure!;
        Assert.Equal(page.Report.Fairness.Where(g => !g.Suppressed && g.Auc is not null).Select(g => g.Auc!.Auc), fairness.Bars.Select(b => b.Value));
    }

    [Fact]
    public async Task Student_scores_rank_every_student_as_the_model_does_and_pseudonymise_on_request()
    {
        await using var copy = await demo.OpenCopyAsync();
        var target = await RiskTargets.DefaultAsync(copy.Store, Scope.Everything);
        var page = await RiskAnalysis.RunAsync(copy.Store, Scope.Everything, target!, new RiskOptions());

        await copy.WriteAsync("risk");
        var ids = File.ReadLines(Path.Combine(copy.ReportDirectory, "risk/student_risk_scores.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(page.Ranked.Select(s => s.StudentId), ids);

        await copy.WriteAsync("risk", options: new ReportOptions(Pseudonymise: true));
        var pseudonyms = File.ReadLines(Path.Combine(copy.ReportDirectory, "risk/student_risk_scores.csv")).Skip(1).Select(l => l.Split(',')[1]).ToList();
        var name = await GradeLens.Core.Accounts.Pseudonyms.ForAsync(copy.Store.Accounts, null);
        Assert.Equal(ids.Select(name), pseudonyms);
        Assert.All(pseudonyms, p => Assert.StartsWith("P-", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_that_cannot_be_trained_skips_the_study_with_the_models_reason()
    {
        await using var copy = await demo.OpenCopyAsync();

        var summary = await copy.WriteAsync("risk", options: new ReportOptions(new RiskRequest("No such series", "Math")));

        var risk = Assert.Single(summary.Studies);
        Assert.False(risk.Written);
        Assert.StartsWith("The at-risk model for Math in No such series could not be trained: ", risk.Skipped, StringComparison.Ordinal);
        Assert.Contains("'No such series'", risk.Skipped, StringComparison.Ordinal);
        Assert.Empty(risk.Files);
    }
}
