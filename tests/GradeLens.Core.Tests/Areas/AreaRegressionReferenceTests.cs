using GradeLens.Core.Areas;

namespace GradeLens.Core.Tests.Areas;

/// <summary>Against reference.json "naep" and "naep_predictions" (statsmodels OLS and get_prediction on the inner join of year and state).</summary>
public sealed class AreaRegressionReferenceTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> Scores() => [.. AreaNames.StudyScores];

    [Theory]
    [MemberData(nameof(Scores))]
    public void Coefficients_standard_errors_and_r2_match_statsmodels(string score)
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("naep").GetProperty("by_subject_grade").GetProperty(score);

        var model = Fitted(score);

        Assert.Equal(expected.GetProperty("n").GetInt32(), model.N);
        var ols = expected.GetProperty("ols");
        Close(ols.GetProperty("r2").GetDouble(), model.RSquared);
        Assert.Equal(ols.GetProperty("coefficients").EnumerateObject().Select(p => p.Name), model.Coefficients.Select(c => c.Name));
        foreach (var c in model.Coefficients)
        {
            Close(ols.GetProperty("coefficients").GetProperty(c.Name).GetDouble(), c.Estimate);
            Close(ols.GetProperty("se").GetProperty(c.Name).GetDouble(), c.StandardError);
        }
    }

    [Theory]
    [MemberData(nameof(Scores))]
    public void Adjusted_r2_residual_se_t_and_p_match_statsmodels(string score)
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("naep_predictions").GetProperty("by_subject_grade").GetProperty(score);

        var model = Fitted(score);

        Close(expected.GetProperty("adj_r2").GetDouble(), model.AdjustedRSquared);
        Close(expected.GetProperty("residual_se").GetDouble(), model.ResidualStandardError);
        foreach (var c in model.Coefficients)
        {
            Close(expected.GetProperty("t").GetProperty(c.Name).GetDouble(), c.T);
            var p = expected.GetProperty("p").GetProperty(c.Name).GetDouble();
            Assert.Equal(p, c.P, Tolerance);
            if (p > 1e-300)
            {
                // p-values reach 1e-290: relative agreement too (the intercept's 1e-309 is subnormal, compared absolutely only).
                Assert.Equal(1.0, c.P / p, Tolerance);
            }

            Assert.Equal(c.Estimate - (model.TCritical * c.StandardError), c.Lower, 1e-12);
            Assert.True(c.Lower < c.Estimate && c.Estimate < c.Upper);
        }
    }

    [Theory]
    [MemberData(nameof(Scores))]
    public void Predictions_intervals_and_leverage_match_statsmodels_get_prediction(string score)
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("naep_predictions").GetProperty("by_subject_grade").GetProperty(score).GetProperty("predictions");
        var model = Fitted(score);

        foreach (var row in expected.EnumerateArray())
        {
            var input = row.GetProperty("input").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

            var prediction = model.Predict(input);

            Close(row.GetProperty("predicted").GetDouble(), prediction.Predicted);
            Close(row.GetProperty("mean_ci")[0].GetDouble(), prediction.MeanLower);
            Close(row.GetProperty("mean_ci")[1].GetDouble(), prediction.MeanUpper);
            Close(row.GetProperty("prediction_interval")[0].GetDouble(), prediction.PredictionLower);
            Close(row.GetProperty("prediction_interval")[1].GetDouble(), prediction.PredictionUpper);
            Close(row.GetProperty("leverage").GetDouble(), prediction.Leverage);
        }
    }

    [Fact]
    public void Xtx_inverse_reproduces_the_reference_leverage_as_a_plain_quadratic_form()
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("naep_predictions").GetProperty("by_subject_grade").GetProperty("Reading grade 8").GetProperty("predictions")[1];
        var model = Fitted("Reading grade 8");
        double[] x0 = [1, 25, 38000, 9];

        var h = 0.0;
        for (var j = 0; j < 4; j++)
        {
            for (var k = 0; k < 4; k++)
            {
                h += x0[j] * model.XtxInverse[j][k] * x0[k];
            }
        }

        Assert.Equal(expected.GetProperty("leverage").GetDouble(), h, 1e-9);
    }

    [Theory]
    [MemberData(nameof(Scores))]
    public void Pearson_r_of_poverty_with_each_score_matches_scipy(string score)
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("naep").GetProperty("by_subject_grade").GetProperty(score).GetProperty("pearson_poverty_score");

        var cell = AreaCorrelations.Compute(NaepTestData.Panel(), [AreaNames.Poverty], [score]).Single();

        Close(expected.GetProperty("r").GetDouble(), cell.R!.Value);
        Assert.Equal(1.0, cell.P!.Value / expected.GetProperty("p").GetDouble(), Tolerance);
        Assert.Equal(459, cell.N);
    }

    internal static AreaModel Fitted(string score) =>
        AreaRegression.Fit(NaepTestData.Panel(), score, AreaNames.StudyMeasures).Model ?? throw new InvalidOperationException("no model");

    /// <summary>Within 1e-6 absolutely and, for the small income coefficients, relatively as well.</summary>
    private static void Close(double expected, double actual)
    {
        Assert.Equal(expected, actual, Tolerance);
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Abs(expected), $"{actual:R} differs from {expected:R} by more than 1e-6 relatively.");
    }
}
