using GradeLens.Core.Areas;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Areas;

/// <summary>
/// Every NAEP file imported with its sample mapping, read back through the Areas queries (the join by normalised name
/// and year inside the store): the reference OLS within 1e-6, the join report, ZIP codes with their zeros, county
/// predictions, and a second import that changes nothing.
/// </summary>
public sealed class AreaStoreTests(NaepStoreFixture fixture) : IClassFixture<NaepStoreFixture>
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Every_naep_file_imports_with_its_sample_mapping_and_rejects_nothing()
    {
        Assert.Equal(2 * NaepStoreFixture.Files().Count, fixture.Reports.Count);
        Assert.Equal(13, NaepStoreFixture.Files().Count);
        Assert.All(fixture.Reports, r => Assert.True(r.Succeeded && r.RejectedTotal == 0, r.Message));
    }

    [Fact]
    public async Task Importing_every_file_again_changes_no_count_and_no_figure()
    {
        var info = await fixture.Store.GetInfoAsync(Scope.Everything);
        var data = await fixture.Store.GetAreaDataAsync(Scope.Everything);

        Assert.Equal(fixture.FirstPass.Counts, info.TableCounts);
        Assert.Equal(fixture.FirstPass.Correlations, AreaCorrelations.Compute(data.Panel));
    }

    [Fact]
    public async Task The_panel_is_51_states_by_year_with_every_measure_of_the_files_and_the_four_scores_first()
    {
        var data = await fixture.Store.GetAreaDataAsync(Scope.Everything);
        var panel = data.Panel;

        Assert.Equal(51, panel.Areas.Distinct().Count());
        Assert.Equal(51 * 11, panel.Rows); // 1996 and 2000 (grade_4_math_all_years.csv) and the nine NAEP years
        Assert.Equal(AreaNames.StudyScores, panel.ScoreNames);
        Assert.Equal(AreaNames.StudyMeasures, panel.MeasureNames.Take(3));
        Assert.Equal(
            ["child_poverty_percent", "percent_spending_of_revenue", "property_crime_rate", "total_expenditure_per_student", "total_instructional_spending", "total_revenue", "violent_crime_rate"],
            panel.MeasureNames.Skip(3));
        Assert.Equal("1", data.Codes["Alabama"]); // state_table.csv's STATE_ID
        Assert.Empty(data.Conflicts);
    }

    [Theory]
    [MemberData(nameof(AreaRegressionReferenceTests.Scores), MemberType = typeof(AreaRegressionReferenceTests))]
    public async Task The_stores_fits_match_statsmodels_on_the_inner_join_of_year_and_state(string score)
    {
        using var reference = SharedFiles.Reference();
        var ols = reference.RootElement.GetProperty("naep").GetProperty("by_subject_grade").GetProperty(score).GetProperty("ols");
        var predictions = reference.RootElement.GetProperty("naep_predictions").GetProperty("by_subject_grade").GetProperty(score);

        var fits = await fixture.Store.GetAreaFitsAsync(Scope.Everything);
        var model = fits.Fits.Single(f => f.Score == score).Model!;

        Assert.Equal(459, model.N);
        Assert.Equal(AreaNames.StudyMeasures, fits.Measures);
        Close(ols.GetProperty("r2").GetDouble(), model.RSquared);
        Close(predictions.GetProperty("adj_r2").GetDouble(), model.AdjustedRSquared);
        Close(predictions.GetProperty("residual_se").GetDouble(), model.ResidualStandardError);
        foreach (var c in model.Coefficients)
        {
            Close(ols.GetProperty("coefficients").GetProperty(c.Name).GetDouble(), c.Estimate);
            Close(ols.GetProperty("se").GetProperty(c.Name).GetDouble(), c.StandardError);
            Close(predictions.GetProperty("t").GetProperty(c.Name).GetDouble(), c.T);
        }

        Assert.Equal("OLS", fits.Version.Model);
        Assert.Equal(await fixture.Store.GetDataVersionAsync(), fits.Version.DataVersion);
    }

    [Fact]
    public async Task The_what_if_answer_from_the_store_has_the_reference_prediction_intervals_and_leverage()
    {
        using var reference = SharedFiles.Reference();
        var check = WhatIfValidation.Check(new WhatIfInput(15, 55000, 5));

        var answer = await fixture.Store.PredictWhatIfAsync(Scope.Everything, check);

        Assert.Equal(4, answer.Result.Predictions!.Count);
        foreach (var prediction in answer.Result.Predictions)
        {
            var expected = reference.RootElement.GetProperty("naep_predictions").GetProperty("by_subject_grade").GetProperty(prediction.Score).GetProperty("predictions")[0];
            Close(expected.GetProperty("predicted").GetDouble(), prediction.Predicted);
            Close(expected.GetProperty("prediction_interval")[0].GetDouble(), prediction.PredictionLower);
            Close(expected.GetProperty("prediction_interval")[1].GetDouble(), prediction.PredictionUpper);
            Close(expected.GetProperty("leverage").GetDouble(), prediction.Leverage);
            Assert.False(prediction.Extrapolated);
        }

        Assert.Equal(5, answer.Result.Nearest!.Count);
        Assert.Contains(AreaNotes.StateModelElsewhere, answer.Notes);
    }

    [Fact]
    public async Task The_join_report_lists_every_zip_code_that_found_no_county_and_places_every_county_in_its_state()
    {
        var report = await fixture.Store.GetAreaJoinReportAsync(Scope.Everything);
        var problems = report.Issues.GroupBy(i => i.Problem).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal((3141, 3141), (report.SubAreas, report.SubAreasPlaced));
        Assert.Equal(41_720, report.Zips);
        Assert.Equal(68, problems[AreaJoinProblem.ZipWithoutCounty]); // SOURCES.md: 68 ZIPs have no county
        // ZIP rows naming a county that county_data.csv names otherwise or places elsewhere (Alaska's renamed boroughs,
        // "Monongalia County, Pennsylvania"...), counted with pandas after the same normalisation (accents off, lower
        // case, no whitespace or punctuation: string.punctuation): 76.
        Assert.Equal(76, problems[AreaJoinProblem.ZipCountyNotFound]);
        Assert.Equal(41_720 - 68 - 76, report.ZipsPlaced);
        // grade_4_math_all_years.csv's 17 blank scores (1996 and 2000) leave those state-years with figures and no score.
        Assert.Equal(17, problems[AreaJoinProblem.FiguresWithoutScores]);
        Assert.DoesNotContain(AreaJoinProblem.ParentNotFound, problems.Keys);
        Assert.DoesNotContain(AreaJoinProblem.NoFigures, problems.Keys);
        Assert.Contains(report.Issues, i => i.Problem == AreaJoinProblem.ZipWithoutCounty && i.Area.StartsWith('0'));
        Assert.Contains("41,576 of 41,720 ZIP codes placed", report.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00501", "Suffolk County", "New York")]
    [InlineData("01001", "Hampden County", "Massachusetts")]
    public async Task A_zip_code_keeps_its_leading_zeros_and_finds_its_county_and_four_predictions(string zip, string county, string state)
    {
        var answer = await fixture.Store.GetZipPredictionAsync(Scope.Everything, zip);

        Assert.True(answer.Found, answer.Message);
        Assert.Equal((county, state), (answer.County, answer.State));
        Assert.Equal(4, answer.Prediction!.Predictions.Count);
        Assert.All(answer.Prediction.Predictions, p => Assert.True(p.PredictionLower < p.Predicted && p.Predicted < p.PredictionUpper));
    }

    [Fact]
    public async Task A_zip_code_without_its_zeros_or_without_a_county_gets_one_sentence_and_no_prediction()
    {
        var unknown = await fixture.Store.GetZipPredictionAsync(Scope.Everything, "501");
        var report = await fixture.Store.GetAreaJoinReportAsync(Scope.Everything);
        var orphan = report.Issues.First(i => i.Problem == AreaJoinProblem.ZipWithoutCounty).Area;
        var noCounty = await fixture.Store.GetZipPredictionAsync(Scope.Everything, orphan);

        Assert.False(unknown.Found);
        Assert.Equal("The ZIP code 501 is not in the store's ZIP crosswalk.", unknown.Message);
        Assert.True(noCounty.Found);
        Assert.Null(noCounty.Prediction);
        Assert.StartsWith($"The ZIP code {orphan} has no county in the crosswalk", noCounty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_county_has_four_predictions_from_the_state_models_with_flags_where_it_lies_outside_them()
    {
        var all = await fixture.Store.GetSubAreaPredictionsAsync(Scope.Everything);
        var alabama = await fixture.Store.GetSubAreaPredictionsAsync(Scope.Everything, "Alabama", AreaNames.StudyScores[0]);
        var fits = await fixture.Store.GetAreaFitsAsync(Scope.Everything);

        Assert.Equal(3141, all.Areas.Count);
        Assert.Empty(all.Missing);
        Assert.All(all.Areas, a => Assert.Equal(4, a.Predictions.Count));
        Assert.All(all.Areas, a => Assert.Equal(2020, a.Year));
        Assert.Equal(67, alabama.Areas.Count);
        var autauga = alabama.Areas.Single(a => a.Area == "Autauga County");
        var expected = fits.Fits[0].Model!.Predict(new Dictionary<string, double> { [AreaNames.Poverty] = 11.2, [AreaNames.MedianIncome] = 67565, [AreaNames.Unemployment] = 4.9 });
        var prediction = Assert.Single(autauga.Predictions);
        Assert.Equal((expected.Predicted, expected.PredictionLower, expected.PredictionUpper, expected.Leverage, expected.Extrapolated),
            (prediction.Predicted, prediction.PredictionLower, prediction.PredictionUpper, prediction.Leverage, prediction.Extrapolated));
        Assert.Equal("1", autauga.Code); // county_id.csv's id: NAEP's files carry no FIPS code
        var flagged = all.Areas.Count(a => a.Extrapolated);
        Assert.InRange(flagged, 100, 3000);
        Assert.Contains(AreaNotes.StateModelElsewhere, all.Notes);
    }

    /// <summary>Within 1e-6 absolutely and relatively (the income coefficients are about 1e-5).</summary>
    private static void Close(double expected, double actual)
    {
        Assert.Equal(expected, actual, Tolerance);
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Abs(expected), $"{actual:R} differs from {expected:R} by more than 1e-6 relatively.");
    }
}
