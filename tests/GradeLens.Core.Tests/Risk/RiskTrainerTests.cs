using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Tests.Models;

namespace GradeLens.Core.Tests.Risk;

public sealed class RiskTrainerTests
{
    private static RiskData UciRisk()
    {
        var (x, y, rows) = ModelTestData.UciMath();
        return new RiskData(x, y, rows.Select((_, i) => $"S{i:000}").ToArray(), [new GroupColumn("sex", rows.Select(r => (string?)r["sex"]).ToArray())]);
    }

    [Fact]
    public void Stratified_folds_hold_the_positive_rate_and_repeat_with_the_seed()
    {
        var (_, y, _) = ModelTestData.UciMath();
        var folds = StratifiedFolds.Assign(y, 5, seed: 7);

        // 130 positives and 265 negatives over 5 folds: 26 positives each, 53 negatives each.
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(26, Enumerable.Range(0, y.Length).Count(i => folds[i] == k && y[i]));
            Assert.Equal(79, folds.Count(f => f == k));
        }

        Assert.Equal(folds, StratifiedFolds.Assign(y, 5, seed: 7));
        Assert.NotEqual(folds, StratifiedFolds.Assign(y, 5, seed: 8));
    }

    [Fact]
    public void Cross_validated_auc_is_below_the_in_sample_auc_and_its_interval_contains_it()
    {
        var data = UciRisk();
        var trained = RiskTrainer.Train(data, new RiskOptions(C: null));

        // In-sample 0.9779 (reference.json); held-out can only be lower on 395 students, and not by much with 5 features.
        Assert.InRange(trained.Report.Auc.Auc, 0.95, 0.9779);
        Assert.InRange(trained.Report.Auc.Auc, trained.Report.Auc.Lower, trained.Report.Auc.Upper);
        Assert.InRange(trained.Report.Auc.Upper - trained.Report.Auc.Lower, 0.01, 0.08);
        Assert.Equal(395, trained.Report.Students);
        Assert.Equal(130, trained.Report.Positives);
    }

    [Fact]
    public void The_same_seed_gives_the_same_figures()
    {
        var a = RiskTrainer.Train(UciRisk()).Report;
        var b = RiskTrainer.Train(UciRisk()).Report;
        Assert.Equal(a.Auc, b.Auc);
        Assert.Equal(a.Brier, b.Brier);
    }

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void Calibrated_risk_averages_to_the_observed_rate_and_bins_cover_every_student(CalibrationMethod method)
    {
        // Both calibrators are fitted by maximum likelihood with an intercept (Platt) or by pooled means (isotonic),
        // so over the students they were fitted on their mean equals the observed rate: 130 / 395. The figures shown are
        // cross-fitted (each fold calibrated by the others), so their mean is only close to it.
        var trained = RiskTrainer.Train(UciRisk(), new RiskOptions(Calibration: method));

        Assert.Equal(130.0 / 395, trained.Model.Calibrator.Apply(trained.OutOfFoldProbability).Average(), 1e-9);
        Assert.Equal(130.0 / 395, trained.OutOfFoldRisk.Average(), 0.01);
        Assert.Equal(395, trained.Report.Reliability.Sum(b => b.Students));
        Assert.Equal(130.0, trained.Report.Reliability.Sum(b => b.ObservedRate * b.Students), 1e-9);
        Assert.All(trained.Report.Reliability, b => Assert.InRange(b.MeanPredicted, b.Lower, b.Upper));
    }

    [Fact]
    public void Isotonic_calibration_never_decreases()
    {
        double[] p = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        bool[] y = [false, true, false, false, true, true];
        var calibrator = Calibrator.Fit(CalibrationMethod.Isotonic, p, y);

        // PAV pools 0.2, 0.3, 0.4 to 1/3; the ends stay 0 and 1.
        Assert.Equal(0.0, calibrator.Apply(0.1), 1e-12);
        Assert.Equal(1.0 / 3, calibrator.Apply(0.25), 1e-12);
        Assert.Equal(1.0, calibrator.Apply(0.6), 1e-12);
        var curve = Enumerable.Range(0, 101).Select(i => calibrator.Apply(i / 100.0)).ToArray();
        Assert.True(curve.Zip(curve.Skip(1)).All(t => t.Second >= t.First));
    }

    [Fact]
    public void Fairness_view_gives_each_sex_its_own_auc_from_out_of_fold_risk()
    {
        var data = UciRisk();
        var trained = RiskTrainer.Train(data);

        var groups = trained.Report.Fairness;
        Assert.Equal(["F", "M"], groups.Select(g => g.Group));
        Assert.Equal(395, groups.Sum(g => g.Students));
        Assert.Equal(130, groups.Sum(g => g.Positives));
        foreach (var g in groups)
        {
            var rows = Enumerable.Range(0, 395).Where(i => data.ProtectedGroups[0].Values[i] == g.Group).ToArray();
            var expected = ClassifierMetrics.Auc(rows.Select(i => data.Outcome[i]).ToArray(), rows.Select(i => trained.OutOfFoldRisk[i]).ToArray());
            Assert.Equal(expected, g.Auc!.Auc, 1e-12);
        }
    }

    [Fact]
    public void Odds_ratios_are_exponentiated_coefficients_with_wald_intervals_from_statsmodels_standard_errors()
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("uci_math").GetProperty("logit_unpenalised");
        var (x, y, _) = ModelTestData.UciMath();

        var ratios = RiskTrainer.OddsRatios(LogisticRegression.Fit(x, y));

        var g2 = ratios.Single(r => r.Feature == "G2");
        var b = expected.GetProperty("coefficients").GetProperty("G2").GetDouble();
        var se = expected.GetProperty("se").GetProperty("G2").GetDouble();
        Assert.Equal(Math.Exp(b), g2.Ratio!.Value, 1e-4);
        Assert.Equal(Math.Exp(b - (1.959963984540054 * se)), g2.Lower!.Value, 1e-4);
        Assert.Equal(Math.Exp(b + (1.959963984540054 * se)), g2.Upper!.Value, 1e-4);
    }

    [Fact]
    public void A_students_contributions_add_up_to_their_log_odds_minus_the_average_students()
    {
        var data = UciRisk();
        var model = RiskTrainer.Train(data).Model;
        var means = data.Features.ColumnMoments().Means;

        var row = data.Features.Row(0);
        var contributions = model.Contributions(row);

        Assert.Equal(model.Logistic.LogOdds(row) - model.Logistic.LogOdds(means), contributions.Sum(c => c.LogOdds), 1e-9);
        Assert.True(contributions.Zip(contributions.Skip(1)).All(t => t.First.LogOdds >= t.Second.LogOdds));
    }

    [Fact]
    public void Imbalanced_classes_and_too_few_students_are_warned_about()
    {
        var (x, _, rows) = ModelTestData.UciMath();
        // G3 < 5: 38 dropouts at 0 and a few more, about 10% of 395.
        var rare = rows.Select(r => r.Number("G3") < 4).ToArray();
        var report = RiskTrainer.Train(new RiskData(x, rare, rows.Select((_, i) => $"S{i}").ToArray(), [])).Report;
        Assert.Contains(report.Warnings, w => w.StartsWith("Classes are imbalanced", StringComparison.Ordinal));

        var few = Enumerable.Range(0, 60).ToArray();
        var small = new RiskData(x.Select([0, 1]).Subset(few), few.Select(i => rows[i].Number("G3") < 10).ToArray(), few.Select(i => $"S{i}").ToArray(), []);
        Assert.Contains(RiskTrainer.Train(small).Report.Warnings, w => w.StartsWith("Only 60 students", StringComparison.Ordinal));
    }

    [Fact]
    public void Protected_attributes_are_recognised_by_name()
    {
        Assert.True(ProtectedAttributes.IsProtected("gender"));
        Assert.True(ProtectedAttributes.IsProtected("race/ethnicity"));
        Assert.True(ProtectedAttributes.IsProtected("Sex"));
        Assert.True(ProtectedAttributes.IsProtected("SEN status"));
        Assert.False(ProtectedAttributes.IsProtected("lunch"));
        Assert.False(ProtectedAttributes.IsProtected("parental level of education"));
        Assert.False(ProtectedAttributes.IsProtected("absences"));
    }

    [Fact]
    public void A_feature_from_the_outcomes_own_assessment_is_refused()
    {
        SeriesOrder[] series = [new("Mock 1", 1), new("Mock 2", 2), new("Final", 3)];
        Assert.Equal(["Mock 1", "Mock 2"], TargetLeakage.FeatureSeries(new RiskRequest("Final", "Maths"), series));
        var own = Assert.Throws<RiskDataException>(() => TargetLeakage.FeatureSeries(new RiskRequest("Final", "Maths", FeatureSeries: ["Mock 1", "Final"]), series));
        Assert.Contains("outcome's own assessment", own.Message, StringComparison.Ordinal);
        var later = Assert.Throws<RiskDataException>(() => TargetLeakage.FeatureSeries(new RiskRequest("Mock 2", "Maths", FeatureSeries: ["Final"]), series));
        Assert.Contains("taken after", later.Message, StringComparison.Ordinal);
        Assert.Throws<RiskDataException>(() => TargetLeakage.CheckColumns("G3", ["G1", "g3"]));
    }
}
