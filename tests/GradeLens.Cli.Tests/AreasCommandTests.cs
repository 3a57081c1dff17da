using System.Globalization;
using System.Text.Json;

namespace GradeLens.Cli.Tests;

/// <summary><c>gradelens areas</c> over a store of NAEP's state scores and figures, 2020 county figures and the ZIP crosswalk, imported by the command.</summary>
public sealed class AreasCommandTests(AreasCommandTests.NaepStore fixture) : IClassFixture<AreasCommandTests.NaepStore>
{
    /// <summary>One store for the class, imported with the sample mappings; the tests only read it.</summary>
    public sealed class NaepStore : IAsyncLifetime
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-cli-areas-").FullName;

        public string Path => System.IO.Path.Combine(_directory, "naep.duckdb");

        public string File(string name) => System.IO.Path.Combine(_directory, name);

        public async Task InitializeAsync()
        {
            foreach (var file in new[] { "naep.csv", "poverty_income.csv", "unemployment_crime.csv", "county_data.csv", "zip_code.csv" })
            {
                var (code, _, error) = await CliProcess.RunAsync("import", SharedFiles.Path("naep/" + file), "--mapping", SharedFiles.Mapping(file), "--store", Path);
                Assert.True(code == 0, error);
            }
        }

        public Task DisposeAsync()
        {
            Directory.Delete(_directory, recursive: true);
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("areas")]
    [InlineData("areas", "correlations")]
    [InlineData("areas", "models")]
    [InlineData("areas", "residuals")]
    [InlineData("areas", "predict")]
    [InlineData("bench", "areas")]
    public async Task Every_areas_command_has_help_and_exits_zero(params string[] command)
    {
        var (code, output, _) = await CliProcess.RunAsync([.. command, "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_what_if_prediction_as_json_has_the_reference_intervals_leverage_and_the_models_version()
    {
        var (code, output, error) = await CliProcess.RunAsync("areas", "predict", "--poverty", "15", "--income", "55000", "--unemployment", "5", "--format", "json", "--store", fixture.Path);

        Assert.True(code == 0, error);
        using var reference = SharedFiles.Reference();
        using var json = JsonDocument.Parse(output);
        var predictions = json.RootElement.GetProperty("result").GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(4, predictions.Count);
        foreach (var p in predictions)
        {
            var expected = reference.RootElement.GetProperty("naep_predictions").GetProperty("by_subject_grade").GetProperty(p.GetProperty("score").GetString()!).GetProperty("predictions")[0];
            Assert.Equal(expected.GetProperty("prediction_interval")[0].GetDouble(), p.GetProperty("prediction_lower").GetDouble(), 1e-6);
            Assert.Equal(expected.GetProperty("prediction_interval")[1].GetDouble(), p.GetProperty("prediction_upper").GetDouble(), 1e-6);
            Assert.Equal(expected.GetProperty("leverage").GetDouble(), p.GetProperty("leverage").GetDouble(), 1e-9);
            Assert.False(p.GetProperty("extrapolated").GetBoolean());
        }

        Assert.Equal("OLS", json.RootElement.GetProperty("version").GetProperty("model").GetString());
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("predicts what a state with those figures would score", StringComparison.Ordinal));
        Assert.Contains("Nearest real area-years:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_code_with_leading_zeros_predicts_for_its_county_in_csv_with_the_standing_note_on_every_row()
    {
        var path = fixture.File("zip.csv");
        var (code, _, error) = await CliProcess.RunAsync("areas", "predict", "--zip", "00501", "--format", "csv", "--out", path, "--store", fixture.Path);

        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("score,predicted,pi_lower,pi_upper,mean_lower,mean_upper,leverage,extrapolated,reasons,model,data_version,fitted_at,note", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains("predicts what a state with those figures would score", l, StringComparison.Ordinal));
        Assert.Contains("The ZIP code 00501 lies in Suffolk County, New York.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_by_name_and_state_is_flagged_when_its_figures_lie_outside_the_states()
    {
        // Loudoun County, Virginia, in county_data.csv: poverty 3.2% and median income 155,362 in 2020, beyond every state-year's.
        var (code, output, error) = await CliProcess.RunAsync("areas", "predict", "--county", "Loudoun County", "--state", "Virginia", "--store", fixture.Path);

        Assert.True(code == 0, error);
        Assert.StartsWith("Loudoun County, Virginia (2020 figures)", output, StringComparison.Ordinal);
        Assert.Contains("Extrapolation: median_income 155362 is outside the range the model was fitted on (32397 to 90395).", output, StringComparison.Ordinal);
        Assert.Contains("Extrapolation: poverty_percent 3.2 is outside the range the model was fitted on (6.4 to 23.9).", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--poverty", "abc", "--poverty: 'abc' is not a number.")]
    [InlineData("--poverty", "101", "--poverty: Poverty is a percentage: it cannot be over 100.")]
    [InlineData("--income", "-5", "--income: Median household income cannot be negative.")]
    [InlineData("--unemployment", "1e400", "--unemployment: Unemployment % must be a finite number.")]
    public async Task Bad_what_if_figures_are_refused_naming_the_option_with_exit_code_2(string option, string value, string message)
    {
        var figures = new Dictionary<string, string> { ["--poverty"] = "15", ["--income"] = "55000", ["--unemployment"] = "5", [option] = value };

        var (code, output, error) = await CliProcess.RunAsync(["areas", "predict", .. figures.SelectMany(f => new[] { f.Key, f.Value }), "--store", fixture.Path]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correlations_as_csv_have_every_measure_with_every_score_and_residuals_name_the_persistent_areas()
    {
        var (code, output, error) = await CliProcess.RunAsync("areas", "correlations", "--format", "csv", "--store", fixture.Path);
        var residuals = await CliProcess.RunAsync("areas", "residuals", "--score", "Reading grade 8", "--store", fixture.Path);

        Assert.True(code == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("measure,score,n,r,ci_lower,ci_upper,p,q,rho,rho_p,reason", lines[0]);
        Assert.Equal(5 * 4, lines.Length - 1); // poverty, income, unemployment and the two crime rates x four scores
        var poverty = lines.Single(l => l.StartsWith("poverty_percent,Mathematics grade 8,", StringComparison.Ordinal)).Split(',');
        using var reference = SharedFiles.Reference();
        var r = reference.RootElement.GetProperty("naep").GetProperty("by_subject_grade").GetProperty("Mathematics grade 8").GetProperty("pearson_poverty_score").GetProperty("r").GetDouble();
        Assert.Equal(r, double.Parse(poverty[3], CultureInfo.InvariantCulture), 1e-9);
        Assert.Equal(0, residuals.ExitCode);
        Assert.Contains("District of Columbia below in Reading grade 8", residuals.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_ways_of_asking_at_once_or_an_unknown_county_are_refused_in_one_sentence()
    {
        var both = await CliProcess.RunAsync("areas", "predict", "--zip", "00501", "--poverty", "15", "--store", fixture.Path);
        var unknown = await CliProcess.RunAsync("areas", "predict", "--county", "Atlantis", "--state", "Ohio", "--store", fixture.Path);
        var zip = await CliProcess.RunAsync("areas", "predict", "--zip", "501", "--store", fixture.Path);

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("give --poverty, --income and --unemployment; or --county and --state; or --zip.", both.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No county 'Atlantis' in 'Ohio' has figures", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, zip.ExitCode);
        Assert.Contains("The ZIP code 501 is not in the store's ZIP crosswalk.", zip.Error, StringComparison.Ordinal);
    }
}
