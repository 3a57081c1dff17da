using GradeLens.Core.Areas;

namespace GradeLens.Core.Tests.Areas;

public sealed class WhatIfTests
{
    public static TheoryData<double?, double?, double?, string, string> BadInputs() => new()
    {
        { -1, 55000, 5, WhatIfValidation.PovertyField, "cannot be negative" },
        { 101, 55000, 5, WhatIfValidation.PovertyField, "cannot be over 100" },
        { null, 55000, 5, WhatIfValidation.PovertyField, "is required" },
        { double.NaN, 55000, 5, WhatIfValidation.PovertyField, "finite" },
        { 15, -55000, 5, WhatIfValidation.IncomeField, "cannot be negative" },
        { 15, null, 5, WhatIfValidation.IncomeField, "is required" },
        { 15, double.PositiveInfinity, 5, WhatIfValidation.IncomeField, "finite" },
        { 15, 10_000_001, 5, WhatIfValidation.IncomeField, "over 10,000,000" },
        { 15, 55, 5, WhatIfValidation.IncomeField, "in full" },
        { 15, 55000, -0.5, WhatIfValidation.UnemploymentField, "cannot be negative" },
        { 15, 55000, 100.5, WhatIfValidation.UnemploymentField, "cannot be over 100" },
        { 15, 55000, null, WhatIfValidation.UnemploymentField, "is required" },
        { 15, 55000, double.NegativeInfinity, WhatIfValidation.UnemploymentField, "finite" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_bad_input_is_refused_by_its_field_name_with_no_measures_to_predict_from(double? poverty, double? income, double? unemployment, string field, string message)
    {
        var check = WhatIfValidation.Check(new WhatIfInput(poverty, income, unemployment));

        Assert.False(check.IsValid);
        Assert.Null(check.Measures);
        var (name, messages) = Assert.Single(check.Errors);
        Assert.Equal(field, name);
        Assert.Contains(message, Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var check = WhatIfValidation.Check(new WhatIfInput(null, 2e9, 250));

        Assert.Equal([WhatIfValidation.IncomeField, WhatIfValidation.PovertyField, WhatIfValidation.UnemploymentField], check.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Text_that_is_not_a_number_is_refused_by_field_and_text_numbers_are_read_in_invariant_notation()
    {
        var bad = WhatIfValidation.Check("fifteen", "55,000", " ");
        var good = WhatIfValidation.Check("15.5", "55000", "5");

        Assert.Equal("'fifteen' is not a number.", bad.Errors[WhatIfValidation.PovertyField].Single());
        Assert.Equal("'55,000' is not a number.", bad.Errors[WhatIfValidation.IncomeField].Single());
        Assert.Contains("required", bad.Errors[WhatIfValidation.UnemploymentField].Single(), StringComparison.Ordinal);
        Assert.True(good.IsValid);
        Assert.Equal(15.5, good.Measures![AreaNames.Poverty]);
    }

    [Fact]
    public void A_plausible_input_outside_the_data_is_accepted_and_its_prediction_flagged()
    {
        var check = WhatIfValidation.Check(new WhatIfInput(0, 250_000, 0));

        var prediction = AreaRegressionReferenceTests.Fitted("Reading grade 4").Predict(check.Measures!);

        Assert.True(check.IsValid);
        Assert.True(prediction.Extrapolated);
        Assert.Equal(4, prediction.ExtrapolationReasons.Count);
    }

    /// <summary>
    /// Debian python3 (pandas 1.5.3) on the NAEP state-years of make_reference.py's join: z = (x − mean) / std(ddof=0) per measure,
    /// distance = √Σ(z − z₀)² to (15, 55000, 5), sorted by distance, state, year.
    /// </summary>
    [Fact]
    public void The_five_nearest_state_years_by_standardised_distance_match_pandas_with_their_actual_scores()
    {
        var input = WhatIfValidation.Check(new WhatIfInput(15, 55000, 5)).Measures!;

        var nearest = NearestAreas.Find(NaepTestData.Panel(), input, AreaNames.StudyMeasures);

        Assert.Equal(["Arizona 2017", "Georgia 2017", "Oregon 2015", "North Carolina 2017", "Michigan 2017"], nearest.Select(n => $"{n.Area} {n.Year}"));
        double[] distances = [0.1497294660900167, 0.17805499819489765, 0.30315786552070056, 0.3252794669233868, 0.33842622445473614];
        Assert.All(distances.Zip(nearest), p => Assert.Equal(p.First, p.Second.Distance, 1e-12));
        Assert.Equal(282.2481450, nearest[0].Scores["Mathematics grade 8"], 1e-6);
        Assert.Equal(4, nearest[0].Scores.Count);
        Assert.Equal(3, nearest[0].Measures.Count);
    }

    [Fact]
    public void A_refused_what_if_returns_its_errors_and_no_prediction_or_neighbours()
    {
        var panel = NaepTestData.Panel();
        var fits = AreaRegression.FitAll(panel, AreaNames.StudyMeasures, AreaNames.StudyScores);

        var refused = WhatIfPrediction.Predict(new WhatIfInput(120, 55000, 5), fits, panel);
        var answered = WhatIfPrediction.Predict(new WhatIfInput(25, 38000, 9), fits, panel);

        Assert.Equal([WhatIfValidation.PovertyField], refused.Errors.Keys);
        Assert.Null(refused.Predictions);
        Assert.Null(refused.Nearest);
        Assert.Empty(answered.Errors);
        Assert.Equal(AreaNames.StudyScores, answered.Predictions!.Select(p => p.Score));
        Assert.All(answered.Predictions!, p => Assert.True(p.Extrapolated));
        Assert.Equal(AreaNotes.Extrapolation, answered.Note);
        Assert.Equal(5, answered.Nearest!.Count);
        Assert.Empty(answered.Unfitted!);
    }

    [Fact]
    public void A_model_on_measures_the_what_if_does_not_give_is_reported_not_guessed()
    {
        var panel = NaepTestData.Panel();
        var fits = AreaRegression.FitAll(panel, [AreaNames.Poverty, "violent_crime_rate"], ["Reading grade 8"]);

        var result = WhatIfPrediction.Predict(new WhatIfInput(15, 55000, 5), fits, panel);

        Assert.Empty(result.Predictions!);
        Assert.Contains("violent_crime_rate", Assert.Single(result.Unfitted!).Reason, StringComparison.Ordinal);
    }
}
