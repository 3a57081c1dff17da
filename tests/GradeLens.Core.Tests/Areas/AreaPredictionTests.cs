using GradeLens.Core.Areas;

namespace GradeLens.Core.Tests.Areas;

/// <summary>Extrapolation flags and refusals of the OLS fit. NAEP training ranges: poverty 6.4-23.9, income 32,397-90,395, unemployment 2.3-13.7.</summary>
public sealed class AreaPredictionTests
{
    private static readonly AreaModel _model = AreaRegressionReferenceTests.Fitted("Mathematics grade 8");

    [Fact]
    public void An_input_inside_every_range_with_ordinary_leverage_is_not_flagged()
    {
        var prediction = _model.Predict(Input(15, 55000, 5));

        Assert.False(prediction.Extrapolated);
        Assert.Empty(prediction.ExtrapolationReasons);
        Assert.True(prediction.PredictionLower < prediction.MeanLower && prediction.MeanUpper < prediction.PredictionUpper);
    }

    [Fact]
    public void Poverty_above_the_largest_training_value_is_flagged_with_its_range()
    {
        var prediction = _model.Predict(Input(25, 38000, 9));

        Assert.True(prediction.Extrapolated);
        var reason = Assert.Single(prediction.ExtrapolationReasons, r => r.StartsWith(AreaNames.Poverty, StringComparison.Ordinal));
        Assert.Contains("6.4 to 23.9", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusual_combination_inside_every_range_is_flagged_by_its_leverage()
    {
        // High poverty with a high income and low unemployment: each inside its range, together far from the data.
        var prediction = _model.Predict(Input(23, 90000, 2.5));

        Assert.True(prediction.Extrapolated);
        Assert.True(prediction.Leverage > _model.MaxTrainingLeverage);
        Assert.Single(prediction.ExtrapolationReasons);
        Assert.Contains("leverage", prediction.ExtrapolationReasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_training_leverage_is_that_of_some_training_row()
    {
        var panel = NaepTestData.Panel();
        var x = panel.Features(AreaNames.StudyMeasures);

        var largest = Enumerable.Range(0, panel.Rows).Max(i => _model.Leverage(x.Row(i)));

        Assert.Equal(largest, _model.MaxTrainingLeverage, 1e-12);
        Assert.Equal(4.0 / _model.N, Enumerable.Range(0, panel.Rows).Average(i => _model.Leverage(x.Row(i))), 1e-9);
    }

    [Fact]
    public void A_missing_measure_is_a_caller_error_not_a_prediction()
    {
        Assert.Throws<ArgumentException>(() => _model.Predict(new Dictionary<string, double> { [AreaNames.Poverty] = 10 }));
        Assert.Throws<ArgumentException>(() => _model.Predict(Input(double.NaN, 50000, 5)));
    }

    [Fact]
    public void Collinear_measures_and_too_few_rows_are_refused_with_a_reason()
    {
        var observations = Enumerable.Range(0, 20).Select(i => new AreaObservation($"A{i}", null, 2019,
            new Dictionary<string, double> { ["a"] = i, ["twice_a"] = 2.0 * i, ["b"] = i % 3 },
            new Dictionary<string, double> { ["score"] = 200 + i + (i % 2) })).ToList();
        var panel = AreaPanel.FromObservations(observations);

        var collinear = AreaRegression.Fit(panel, "score", ["a", "twice_a"]);
        var few = AreaRegression.Fit(AreaPanel.FromObservations(observations.Take(3).ToList()), "score", ["a", "b"]);
        var fine = AreaRegression.Fit(panel, "score", ["a", "b"]);

        Assert.Null(collinear.Model);
        Assert.Contains("collinear", collinear.Reason, StringComparison.Ordinal);
        Assert.Null(few.Model);
        Assert.Contains("cannot fit 3 coefficients", few.Reason, StringComparison.Ordinal);
        Assert.NotNull(fine.Model);
    }

    [Fact]
    public void Fitting_every_score_at_once_gives_the_same_models_as_one_at_a_time()
    {
        var panel = NaepTestData.Panel();

        var all = AreaRegression.FitAll(panel, AreaNames.StudyMeasures, AreaNames.StudyScores);

        Assert.Equal(AreaNames.StudyScores, all.Select(f => f.Score));
        Assert.Equal(_model.Coefficients, all[1].Model!.Coefficients);
    }

    private static Dictionary<string, double> Input(double poverty, double income, double unemployment) => new()
    {
        [AreaNames.Poverty] = poverty,
        [AreaNames.MedianIncome] = income,
        [AreaNames.Unemployment] = unemployment,
    };
}
