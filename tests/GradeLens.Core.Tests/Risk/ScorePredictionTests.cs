using GradeLens.Core.Import;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;

namespace GradeLens.Core.Tests.Risk;

public sealed class ScorePredictionTests
{
    private static readonly string[] Attributes = ["gender", "race/ethnicity", "parental level of education", "lunch", "test preparation course"];

    private static async Task<StudentTable> ExamsAsync()
    {
        await using var temp = await TempStore.CreateAsync();
        const string dataset = "students-performance/StudentsPerformance.csv";
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SharedDatasetImportTests.SampleMapping(dataset)));
        Assert.True(report.Succeeded, report.Message);
        return await temp.Store.GetStudentTableAsync(Scope.Everything, null);
    }

    [Theory]
    [InlineData("Mathematics", "math score")]
    [InlineData("Reading", "reading score")]
    [InlineData("Writing", "writing score")]
    public async Task Ols_on_the_stored_table_matches_statsmodels_in_sample_and_cross_validated_r2_is_lower(string subject, string key)
    {
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("exams").GetProperty("ols").GetProperty(key);

        var result = ScorePrediction.Run(await ExamsAsync(), new PredictionRequest(subject, Attributes));

        Assert.Equal(expected.GetProperty("r2").GetDouble(), result.Ols!.RSquared, 1e-6);
        Assert.Equal(expected.GetProperty("coefficients").GetProperty("const").GetProperty("coef").GetDouble(), result.Ols.Coefficients[0].Estimate, 1e-6);
        Assert.Equal(1000, result.Students);
        // Held out, the fit explains less than in-sample, and not much less with 12 coefficients on 1,000 students.
        Assert.InRange(result.CvRSquared!.Value, expected.GetProperty("r2").GetDouble() - 0.06, expected.GetProperty("r2").GetDouble());
        Assert.True(result.CvRmse > result.CvMae);
        Assert.Equal(Attributes.Length, result.Importance.Count);
    }

    [Fact]
    public async Task Lunch_and_test_preparation_matter_most_for_maths_and_protected_attributes_are_left_out_by_default()
    {
        var result = ScorePrediction.Run(await ExamsAsync(), new PredictionRequest("Mathematics"));

        Assert.DoesNotContain(result.Importance, i => i.Feature is "gender" or "race/ethnicity");
        Assert.Equal("lunch", result.Importance[0].Feature);
        Assert.True(result.Importance[0].Drop > 0.05);
    }

    [Fact]
    public async Task Below_50_in_maths_is_predicted_as_a_class_and_the_outcome_is_refused_as_a_feature()
    {
        var table = await ExamsAsync();
        var result = ScorePrediction.Run(table, new PredictionRequest("Mathematics", ["Reading", "Writing", "lunch"], Below: 50));
        Assert.InRange(result.CvAuc!.Value, 0.85, 1.0);
        Assert.NotNull(result.OddsRatios);

        Assert.Throws<RiskDataException>(() => ScorePrediction.Run(table, new PredictionRequest("Mathematics", ["Mathematics", "lunch"])));
    }

    [Fact]
    public async Task A_random_forest_gives_reproducible_cross_validated_figures_near_the_linear_models()
    {
        var table = await ExamsAsync();
        var linear = ScorePrediction.Run(table, new PredictionRequest("Mathematics", Attributes));
        var forest = ScorePrediction.Run(table, new PredictionRequest("Mathematics", Attributes, Forest: true));
        var again = ScorePrediction.Run(table, new PredictionRequest("Mathematics", Attributes, Forest: true));

        // Five categorical attributes hold little beyond their additive effects: a forest does about as well as OLS, not better by much.
        Assert.InRange(forest.CvRSquared!.Value, linear.CvRSquared!.Value - 0.08, linear.CvRSquared.Value + 0.03);
        Assert.Equal(forest.CvRSquared, again.CvRSquared);
        Assert.Null(forest.Ols);
        Assert.Equal("lunch", forest.Importance[0].Feature);

        var classes = ScorePrediction.Run(table, new PredictionRequest("Mathematics", ["Reading", "Writing", "lunch"], Below: 50, Forest: true));
        Assert.InRange(classes.CvAuc!.Value, 0.85, 1.0);
        Assert.InRange(classes.CvAccuracy!.Value, 0.85, 1.0);
    }
}
