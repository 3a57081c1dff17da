using GradeLens.Core.Benchmarks;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;

namespace GradeLens.Core.Tests.Risk;

public sealed class RiskBenchDataTests
{
    [Fact]
    public void Synthetic_students_are_the_same_for_the_same_seed()
    {
        var a = SyntheticRiskData.Generate(40_000, 20, seed: 3);
        var b = SyntheticRiskData.Generate(40_000, 20, seed: 3);
        Assert.Equal(a.Y, b.Y);
        Assert.Equal(a.X[39_999, 19], b.X[39_999, 19]);
        Assert.NotEqual(a.Y, SyntheticRiskData.Generate(40_000, 20, seed: 4).Y);
    }

    [Fact]
    public void Cross_validated_auc_on_100k_synthetic_students_is_within_0_002_of_the_true_models_auc()
    {
        // The outcome is drawn from a known logistic model, so a correct fit's held-out AUC can only approach
        // the AUC of the true log-odds (sampling error at 100k is about 0.001).
        var (x, y, truth) = SyntheticRiskData.Generate(100_000, 20, seed: 11);
        var cv = RiskTrainer.CrossValidate(x, y, folds: 5, seed: 11, c: 1.0);
        Assert.Equal(ClassifierMetrics.Auc(y, truth), cv.Auc.Auc, 0.002);
    }
}
