using GradeLens.Core.Models;

namespace GradeLens.Core.Tests.Models;

public sealed class ClassifierMetricsTests
{
    /// <summary>The AUC is a ratio of integers (in half-units); the only rounding is one division, so agreement is to the last bits.</summary>
    private const double Exact = 1e-15;

    [Theory]
    [InlineData("auc_of_score_minus_G2", "G2", -1.0)]
    [InlineData("auc_of_score_absences", "absences", 1.0)]
    public void Auc_of_a_fixed_score_matches_scikit_learn_exactly(string key, string column, double sign)
    {
        using var reference = SharedFiles.Reference();
        var (_, y, rows) = ModelTestData.UciMath();
        var scores = rows.Select(r => sign * r.Number(column)).ToArray();

        Assert.Equal(reference.RootElement.GetProperty("uci_math").GetProperty(key).GetDouble(), ClassifierMetrics.Auc(y, scores), Exact);
    }

    [Fact]
    public void DeLong_standard_error_matches_a_hand_worked_example()
    {
        // Positives 0.9, 0.8, 0.4; negatives 0.7, 0.4, 0.1; a tie counts half. Each positive's share of negatives below it:
        // V10 = [1, 1, 0.5]; each negative's share of positives above it: V01 = [2/3, 2.5/3, 1]; AUC = 7.5 / 9.
        bool[] y = [true, true, true, false, false, false];
        double[] s = [0.9, 0.8, 0.4, 0.7, 0.4, 0.1];
        var estimate = ClassifierMetrics.AucWithInterval(y, s);
        var auc = 7.5 / 9;
        double[] v10 = [1, 1, 0.5];
        double[] v01 = [2.0 / 3, 2.5 / 3, 1];
        static double Var(double[] v, double m) => v.Sum(a => (a - m) * (a - m)) / (v.Length - 1);
        Assert.Equal(auc, estimate.Auc, 1e-15);
        Assert.Equal(Math.Sqrt((Var(v10, auc) / 3) + (Var(v01, auc) / 3)), estimate.StandardError, 1e-12);
        Assert.Equal(1.0, estimate.Upper);
    }

    [Fact]
    public void Brier_and_log_loss_are_in_probability_units_and_nats()
    {
        bool[] y = [true, false];
        double[] p = [0.8, 0.4];
        Assert.Equal(((0.2 * 0.2) + (0.4 * 0.4)) / 2, ClassifierMetrics.Brier(y, p), 1e-15);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.6)) / 2, ClassifierMetrics.LogLoss(y, p), 1e-15);
    }
}
