using GradeLens.Core.Areas;
using Xunit.Abstractions;

namespace GradeLens.Core.Tests.Areas;

public sealed class BeatingTheOddsTests(ITestOutputHelper output)
{
    private const string Score = "Mathematics grade 8";

    [Theory]
    [InlineData("Massachusetts")]
    [InlineData("District of Columbia")]
    [InlineData("Texas")]
    public void Leaving_an_area_out_gives_the_prediction_and_interval_of_a_model_refitted_without_it(string area)
    {
        var observations = NaepTestData.Observations();
        var without = AreaRegression.Fit(AreaPanel.FromObservations(observations.Where(o => o.Area != area).ToList()), Score, AreaNames.StudyMeasures).Model!;

        var result = BeatingTheOdds.Assess(NaepTestData.Panel(), Score, AreaNames.StudyMeasures);

        var years = result.AreaYears!.Where(r => r.Area == area).ToList();
        Assert.Equal(9, years.Count);
        foreach (var year in years)
        {
            var o = observations.Single(o => o.Area == area && o.Year == year.Year);
            var expected = without.Predict(o.Measures);
            Assert.Equal(expected.Predicted, year.Predicted, 1e-9);
            Assert.Equal(expected.PredictionLower, year.Lower, 1e-9);
            Assert.Equal(expected.PredictionUpper, year.Upper, 1e-9);
            Assert.Equal(o.Scores[Score], year.Actual);
        }
    }

    [Fact]
    public void On_the_full_fit_every_interval_is_the_models_own_prediction_interval()
    {
        var model = AreaRegressionReferenceTests.Fitted(Score);
        var observations = NaepTestData.Observations();

        var result = BeatingTheOdds.Assess(NaepTestData.Panel(), Score, AreaNames.StudyMeasures, leaveAreaOut: false);

        Assert.Equal(459, result.AreaYears!.Count);
        foreach (var row in result.AreaYears.Take(20))
        {
            var expected = model.Predict(observations.Single(o => o.Area == row.Area && o.Year == row.Year).Measures);
            Assert.Equal(expected.PredictionLower, row.Lower, 1e-9);
            Assert.Equal(expected.PredictionUpper, row.Upper, 1e-9);
        }
    }

    [Fact]
    public void A_year_is_above_or_below_only_outside_its_interval_and_an_area_only_when_most_of_its_years_are()
    {
        var result = BeatingTheOdds.Assess(NaepTestData.Panel(), Score, AreaNames.StudyMeasures);

        Assert.All(result.AreaYears!, r => Assert.Equal(
            r.Actual > r.Upper ? Expectation.Above : r.Actual < r.Lower ? Expectation.Below : Expectation.Within, r.Verdict));
        Assert.Equal(51, result.Areas!.Count);
        Assert.All(result.Areas, a => Assert.Equal(a.Years, a.Above + a.Below + a.Within));
        Assert.All(result.Areas.Where(a => a.Verdict == Expectation.Above), a => Assert.True(a.Above >= 2 && a.Above * 2 > a.Years));
        Assert.All(result.Areas.Where(a => a.Verdict == Expectation.Below), a => Assert.True(a.Below >= 2 && a.Below * 2 > a.Years));
        Assert.Equal(result.Areas.Select(a => a.MeanResidual).OrderDescending(), result.Areas.Select(a => a.MeanResidual));
        foreach (var a in result.Areas.Where(a => a.Verdict != Expectation.Within || a.Above + a.Below > 2))
        {
            output.WriteLine($"{a.Area,-22} above {a.Above} below {a.Below} within {a.Within} mean residual {a.MeanResidual:F1} -> {a.Verdict}");
        }
    }
}
