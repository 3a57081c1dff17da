using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GradeLens.Core.Areas;
using GradeLens.Core.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests;

/// <summary>The Areas API over the demo's national set (51 states x 9 years, 3,141 counties with FIPS codes, a ZIP crosswalk).</summary>
public sealed class AreasApiTests(AreasApiTests.DemoAreas fixture) : IClassFixture<AreasApiTests.DemoAreas>
{
    /// <summary>One app with the demo's area files imported; the tests only read it.</summary>
    public sealed class DemoAreas : IAsyncLifetime
    {
        public GradeLensApplication Application { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Application = await GradeLensApplication.StartAsync();
            var store = Application.App.Services.GetRequiredService<IGradeStore>();
            var folder = Directory.CreateTempSubdirectory("gradelens-web-areas-");
            try
            {
                foreach (var file in AreaFigures.Write(folder.FullName, new Random(44)))
                {
                    var report = await store.ImportAsync(new ImportRequest([file.Path], file.Mapping, Organisation: DemoGenerator.Organisation));
                    Assert.True(report.Succeeded, report.Message);
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        public async Task DisposeAsync() => await Application.DisposeAsync();
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { """{"medianIncome": 55000, "unemploymentRate": 5}""", "povertyPercent" },
        { """{"povertyPercent": "abc", "medianIncome": 55000, "unemploymentRate": 5}""", "povertyPercent" },
        { """{"povertyPercent": 101, "medianIncome": 55000, "unemploymentRate": 5}""", "povertyPercent" },
        { """{"povertyPercent": 15, "medianIncome": -1, "unemploymentRate": 5}""", "medianIncome" },
        { """{"povertyPercent": 15, "medianIncome": 1e12, "unemploymentRate": 5}""", "medianIncome" },
        { """{"povertyPercent": 15, "medianIncome": 55, "unemploymentRate": 5}""", "medianIncome" },
        { """{"povertyPercent": 15, "medianIncome": 55000, "unemploymentRate": 1e400}""", "unemploymentRate" },
        { """{"povertyPercent": 15, "medianIncome": 55000, "unemploymentRate": null}""", "unemploymentRate" },
        { """{"povertyPercent": 15, "medianIncome": 55000, "unemploymentRate": true}""", "unemploymentRate" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_what_if_input_is_a_400_problem_naming_the_field_and_never_a_prediction(string body, string field)
    {
        using var client = fixture.Application.CreateClient();

        using var response = await client.PostAsync("/api/areas/predict", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.DoesNotContain("predicted", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_what_if_answer_has_four_predictions_with_intervals_leverage_flags_the_nearest_areas_and_the_models_version()
    {
        using var client = fixture.Application.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/areas/predict", new { povertyPercent = "12.5", medianIncome = 52000, unemploymentRate = 5 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var far = await client.PostAsJsonAsync("/api/areas/predict", new { povertyPercent = 40, medianIncome = 52000, unemploymentRate = 5 });
        using var farJson = JsonDocument.Parse(await far.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = json.RootElement.GetProperty("result");
        var predictions = result.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(AreaNames.StudyScores, predictions.Select(p => p.GetProperty("score").GetString()));
        Assert.All(predictions, p => Assert.True(p.GetProperty("predictionLower").GetDouble() < p.GetProperty("meanLower").GetDouble()
            && p.GetProperty("meanUpper").GetDouble() < p.GetProperty("predictionUpper").GetDouble()));
        Assert.All(predictions, p => Assert.False(p.GetProperty("extrapolated").GetBoolean()));
        Assert.Equal(5, result.GetProperty("nearest").GetArrayLength());
        var version = json.RootElement.GetProperty("version");
        Assert.Equal("OLS", version.GetProperty("model").GetString());
        Assert.Equal(await fixture.Application.App.Services.GetRequiredService<IGradeStore>().GetDataVersionAsync(), version.GetProperty("dataVersion").GetString());
        Assert.True(version.GetProperty("fittedAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.Contains(AreaNotes.StateModelElsewhere, json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.All(farJson.RootElement.GetProperty("result").GetProperty("predictions").EnumerateArray(), p => Assert.True(p.GetProperty("extrapolated").GetBoolean()));
        Assert.Equal(AreaNotes.Extrapolation, farJson.RootElement.GetProperty("result").GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_overview_counts_the_states_counties_and_the_zip_codes_that_matched_nothing()
    {
        using var client = fixture.Application.CreateClient();

        var overview = await client.GetFromJsonAsync<AreaOverview>("/api/areas", GradeLensApplication.Json);
        var report = await client.GetFromJsonAsync<AreaJoinReport>("/api/areas/join-report", GradeLensApplication.Json);

        Assert.Equal((51, 51 * 9, 3141), (overview!.Areas, overview.AreaYears, overview.SubAreas));
        Assert.Equal(AreaNames.StudyMeasures, overview.ModelMeasures);
        Assert.Equal(51, overview.Parents.Count);
        Assert.Equal(AreaFigures.ZipsWithoutCounty, report!.Issues.Count(i => i.Problem == AreaJoinProblem.ZipWithoutCounty));
        Assert.Equal(AreaFigures.ZipsWithUnknownCounty, report.Issues.Count(i => i.Problem == AreaJoinProblem.ZipCountyNotFound));
        Assert.Equal(report.Zips - report.Issues.Count, report.ZipsPlaced);
        Assert.Equal(overview.JoinSummary, report.Summary);
    }

    [Fact]
    public async Task A_states_counties_come_with_their_fips_codes_and_one_scores_prediction_each()
    {
        using var client = fixture.Application.CreateClient();

        var counties = await client.GetFromJsonAsync<SubAreaPredictions>("/api/areas/counties?state=Alabama&score=Reading%20grade%208", GradeLensApplication.Json);

        Assert.Equal(67, counties!.Areas.Count);
        Assert.All(counties.Areas, c => Assert.Matches("^01[0-9]{3}$", c.Code));
        Assert.All(counties.Areas, c => Assert.Equal("Reading grade 8", Assert.Single(c.Predictions).Score));
        Assert.Equal("OLS", counties.Version.Model);
    }

    [Fact]
    public async Task A_zip_code_keeps_its_zeros_and_one_without_a_county_gets_a_sentence()
    {
        using var client = fixture.Application.CreateClient();
        var report = await client.GetFromJsonAsync<AreaJoinReport>("/api/areas/join-report", GradeLensApplication.Json);
        var orphan = report!.Issues.First(i => i.Problem == AreaJoinProblem.ZipWithoutCounty).Area;

        var zip = await client.GetFromJsonAsync<ZipPrediction>("/api/areas/zip?code=00501", GradeLensApplication.Json);
        var none = await client.GetFromJsonAsync<ZipPrediction>($"/api/areas/zip?code={orphan}", GradeLensApplication.Json);
        using var empty = await client.GetAsync("/api/areas/zip?code=");

        Assert.Equal(("00501", "Alabama"), (zip!.Zip, zip.State));
        Assert.Equal(4, zip.Prediction!.Predictions.Count);
        Assert.Null(none!.Prediction);
        Assert.StartsWith($"The ZIP code {orphan} has no county in the crosswalk", none.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Theory]
    [InlineData("/api/areas/scatter?measure=planets", "measure")]
    [InlineData("/api/areas/scatter?score=Chemistry%20grade%205", "score")]
    [InlineData("/api/areas/residuals?score=nope", "score")]
    [InlineData("/api/areas/residuals?year=1066", "year")]
    [InlineData("/api/areas/fits?measures=poverty_percent,planets", "measures")]
    [InlineData("/api/areas/models?folds=1", "folds")]
    [InlineData("/api/areas/counties?score=nope", "score")]
    public async Task A_bad_parameter_is_a_400_problem_naming_the_field(string url, string field)
    {
        using var client = fixture.Application.CreateClient();

        using var response = await client.GetAsync(url);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Residuals_of_one_year_and_the_scatter_of_one_year_have_a_row_per_state()
    {
        using var client = fixture.Application.CreateClient();

        var residuals = await client.GetFromJsonAsync<BeatingTheOddsResult>("/api/areas/residuals?score=Mathematics%20grade%208&year=2019", GradeLensApplication.Json);
        var scatter = await client.GetFromJsonAsync<AreaScatter>("/api/areas/scatter?measure=median_income&score=Mathematics%20grade%208&year=2019", GradeLensApplication.Json);

        Assert.Equal(51, residuals!.AreaYears!.Count);
        Assert.All(residuals.AreaYears, r => Assert.Equal(2019, r.Year));
        Assert.Equal(51, residuals.Areas!.Count);
        Assert.Equal(51, scatter!.Points.Count);
        Assert.Equal(AreaSummary.LinePoints, scatter.Line.Count);
        Assert.All(scatter.Line, l => Assert.True(l.Lower < l.Fitted && l.Fitted < l.Upper));
    }
}
