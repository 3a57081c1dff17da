using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Tests.Models;

namespace GradeLens.Core.Tests.Risk;

/// <summary>The cold fit's shortcuts give the figures of the long way.</summary>
public sealed class ColdFitShortcutTests
{
    /// <summary>Both fits stop when no coefficient moves by 1e-7 of its size: they agree far inside that times the coefficients' scale.</summary>
    private const double Tolerance = 1e-5;

    [Fact]
    public void A_fold_fit_started_from_the_full_fit_reaches_the_fold_fit_from_zero_in_fewer_passes()
    {
        var (x, y, _) = ModelTestData.UciMath();
        var full = LogisticRegression.Fit(x, y, new LogisticOptions(C: 1.0, Standardise: true));
        var fold = Enumerable.Range(0, x.Rows).Where(i => i % 5 != 2).ToArray();
        var options = new LogisticOptions(C: 1.0, Tolerance: 1e-7, Standardise: true);

        var cold = LogisticRegression.Fit(x, y, options, fold);
        var warm = LogisticRegression.Fit(x, y, options with { Start = full }, fold);

        Assert.True(warm.Converged);
        Assert.True(warm.Iterations < cold.Iterations, $"{warm.Iterations} passes from the full fit, {cold.Iterations} from zero");
        Assert.Equal(cold.Intercept, warm.Intercept, Tolerance);
        for (var j = 0; j < x.Columns; j++)
        {
            Assert.Equal(cold.Weights[j], warm.Weights[j], Tolerance);
        }
    }

    [Fact]
    public void Top_reasons_are_the_first_contributions_above_zero_in_order_ties_in_feature_order()
    {
        string[] names = ["a", "b", "c", "d", "e", "f"];
        var logistic = new LogisticModel(names, 0.1, [1.0, -2.0, 0.5, 1.0, 3.0, 0.0], new double[7], 5, true);
        var calibrator = Calibrator.Fit(CalibrationMethod.Platt, [0.1, 0.4, 0.6, 0.9, 0.2, 0.8, 0.3, 0.7], [false, true, false, true, false, true, true, false]);
        var model = new RiskModel(logistic, calibrator, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        var random = new Random(3);
        double[][] rows =
        [
            [1, -1, 2, 1, 0, 5],     // a = 1, b = 2, c = 1, d = 1: ties between a, c and d keep feature order
            [-1, 1, -1, -1, -1, 1],  // nothing pushes towards risk
            [0.2, 0, 0, 0, 0.01, 0], // fewer than three
            .. Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 6).Select(_ => Math.Round((random.NextDouble() * 4) - 2, 1)).ToArray()),
        ];
        foreach (var row in rows)
        {
            var expected = model.Contributions(row).Where(c => c.LogOdds > 0).Take(3).ToList();
            Assert.Equal(expected, model.TopReasons(row, 3));
        }

        Assert.Equal(["b", "a", "c"], model.TopReasons(rows[0], 3).Select(c => c.Feature));
        Assert.Empty(model.TopReasons(rows[1], 3));
    }
}
