using System.Text.Json;
using GradeLens.Core.Models;

namespace GradeLens.Core.Tests.Models;

/// <summary>Against ../shared/reference/reference.json "uci_math" (statsmodels Logit, scikit-learn LogisticRegression).</summary>
public sealed class LogisticRegressionTests
{
    /// <summary>Unpenalised fit and its in-sample metrics: statsmodels converges to ~1e-8, so 1e-4 leaves room only for rounding.</summary>
    private const double Tolerance = 1e-4;

    /// <summary>scikit-learn's lbfgs stops at a gradient tolerance of 1e-4, so its coefficients are themselves only good to about 1e-3.</summary>
    private const double SklearnTolerance = 1e-3;

    private static JsonElement Uci(JsonDocument reference) => reference.RootElement.GetProperty("uci_math");

    [Fact]
    public void Unpenalised_coefficients_and_standard_errors_match_statsmodels_on_uci_math()
    {
        using var reference = SharedFiles.Reference();
        var expected = Uci(reference).GetProperty("logit_unpenalised");
        var (x, y, _) = ModelTestData.UciMath();

        var model = LogisticRegression.Fit(x, y);

        Assert.True(model.Converged);
        var coefficients = expected.GetProperty("coefficients");
        var errors = expected.GetProperty("se");
        Assert.Equal(coefficients.GetProperty("const").GetDouble(), model.Intercept, Tolerance);
        Assert.Equal(errors.GetProperty("const").GetDouble(), model.StandardErrors[0], Tolerance);
        for (var j = 0; j < x.Columns; j++)
        {
            Assert.Equal(coefficients.GetProperty(x.Names[j]).GetDouble(), model.Weights[j], Tolerance);
            Assert.Equal(errors.GetProperty(x.Names[j]).GetDouble(), model.StandardErrors[j + 1], Tolerance);
        }
    }

    [Fact]
    public void In_sample_auc_brier_and_log_loss_match_scikit_learn_on_uci_math()
    {
        using var reference = SharedFiles.Reference();
        var expected = Uci(reference).GetProperty("logit_unpenalised");
        var (x, y, _) = ModelTestData.UciMath();

        var p = LogisticRegression.Fit(x, y).Probabilities(x);

        Assert.Equal(expected.GetProperty("auc_in_sample").GetDouble(), ClassifierMetrics.Auc(y, p), Tolerance);
        Assert.Equal(expected.GetProperty("brier_in_sample").GetDouble(), ClassifierMetrics.Brier(y, p), Tolerance);
        Assert.Equal(expected.GetProperty("log_loss_in_sample").GetDouble(), ClassifierMetrics.LogLoss(y, p), Tolerance);
    }

    [Fact]
    public void L2_fit_with_C_1_matches_scikit_learn_on_uci_math()
    {
        using var reference = SharedFiles.Reference();
        var expected = Uci(reference).GetProperty("logit_l2_C1_sklearn");
        var (x, y, _) = ModelTestData.UciMath();

        var model = LogisticRegression.Fit(x, y, new LogisticOptions(C: 1.0));

        Assert.Equal(expected.GetProperty("intercept").GetDouble(), model.Intercept, SklearnTolerance);
        for (var j = 0; j < x.Columns; j++)
        {
            Assert.Equal(expected.GetProperty("coefficients").GetProperty(x.Names[j]).GetDouble(), model.Weights[j], SklearnTolerance);
        }

        Assert.Equal(expected.GetProperty("auc_in_sample").GetDouble(), ClassifierMetrics.Auc(y, model.Probabilities(x)), SklearnTolerance);
    }

    [Fact]
    public void A_penalty_shrinks_the_weights_and_leaves_the_unpenalised_fit_alone_when_C_is_huge()
    {
        var (x, y, _) = ModelTestData.UciMath();
        var plain = LogisticRegression.Fit(x, y);
        var huge = LogisticRegression.Fit(x, y, new LogisticOptions(C: 1e12));
        var strong = LogisticRegression.Fit(x, y, new LogisticOptions(C: 0.01));

        Assert.Equal(plain.Intercept, huge.Intercept, 1e-6);
        Assert.True(strong.Weights.Sum(w => w * w) < plain.Weights.Sum(w => w * w));
    }

    [Fact]
    public void A_million_rows_fit_from_a_warm_start_agrees_with_the_plain_newton_fit()
    {
        // Rows repeated 2,600 times: the maximum-likelihood weights of the repeated data are those of the original.
        var (x, y, _) = ModelTestData.UciMath();
        const int copies = 2_600;
        var values = new double[x.Rows * x.Columns * copies];
        var labels = new bool[x.Rows * copies];
        for (var c = 0; c < copies; c++)
        {
            for (var i = 0; i < x.Rows; i++)
            {
                x.Row(i).CopyTo(values.AsSpan(((c * x.Rows) + i) * x.Columns, x.Columns));
                labels[(c * x.Rows) + i] = y[i];
            }
        }

        var big = LogisticRegression.Fit(new FeatureMatrix(x.Names, values), labels);
        var small = LogisticRegression.Fit(x, y);

        Assert.True(big.Converged);
        Assert.Equal(small.Intercept, big.Intercept, 1e-7);
        Assert.Equal(small.StandardErrors[1] / Math.Sqrt(copies), big.StandardErrors[1], 1e-9);
    }
}
