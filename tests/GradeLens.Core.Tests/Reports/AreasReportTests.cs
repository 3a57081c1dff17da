using System.Globalization;
using GradeLens.Core.Areas;
using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;
using GradeLens.Testing;

namespace GradeLens.Core.Tests.Reports;

public sealed class AreasReportTests(DemoReportStore demo) : IClassFixture<DemoReportStore>
{
    private static readonly string[] CountyHeader =
    [
        "county", "state", "code", "year", "poverty_percent", "median_income", "unemployment_rate",
        "score", "predicted", "prediction_lower", "prediction_upper", "mean_lower", "mean_upper", "leverage", "extrapolated", "extrapolation_reasons",
    ];

    [Fact]
    public async Task The_areas_tables_have_their_golden_headers_and_every_figure_decodes()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("areas");

        Assert.True(summary.Studies.Single().Written, summary.Studies.Single().Skipped);
        Assert.Equal(["measure", "score", "n", "r", "r_lower", "r_upper", "p", "q", "rho", "rho_p", "reason"], copy.HeaderOf("areas/area_correlations.csv"));
        Assert.Equal(["score", "term", "estimate", "standard_error", "t", "p", "lower", "upper", "n", "df", "r_squared", "adjusted_r_squared", "residual_standard_error", "reason"],
            copy.HeaderOf("areas/area_ols_fits.csv"));
        Assert.Equal(["score", "model", "validation", "optimistic", "r_squared", "r_squared_standard_error", "rmse", "mae", "train_rows", "test_rows", "settings", "chosen",
            "choice_reason", "reason"], copy.HeaderOf("areas/area_model_comparison.csv"));
        Assert.Equal(["score", "area", "parent", "year", "actual", "predicted", "prediction_lower", "prediction_upper", "residual", "verdict"], copy.HeaderOf("areas/beating_the_odds.csv"));
        Assert.Equal(["score", "area", "parent", "years", "above", "below", "within", "mean_residual", "verdict"], copy.HeaderOf("areas/beating_the_odds_areas.csv"));
        Assert.Equal(CountyHeader, copy.HeaderOf("areas/county_predictions.csv"));

        var figures = summary.Files.Where(f => f.Kind == ReportFileKind.Figure).Select(f => f.Path).ToList();
        Assert.Equal([.. AreaNames.StudyScores.Select(s => $"areas/{ReportFileName.Of("scatter", AreaNames.Poverty, s)}.png"), "areas/correlation_heatmap.png"], figures);
        foreach (var figure in figures)
        {
            PngCheck.AssertValid(await File.ReadAllBytesAsync(Path.Combine(copy.ReportDirectory, figure)));
        }
    }

    [Fact]
    public async Task The_correlation_and_fit_tables_equal_the_areas_pages_answers()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("areas");
        var correlations = await copy.Store.GetAreaCorrelationsAsync(Scope.Everything);
        var fits = await copy.Store.GetAreaFitsAsync(Scope.Everything);

        var rows = Rows(copy, "areas/area_correlations.csv");
        Assert.Equal(correlations.Count, rows.Count);
        foreach (var c in correlations.Where(c => c.Measure == AreaNames.Poverty).Take(2))
        {
            var row = rows.Single(r => r[0] == c.Measure && r[1] == c.Score);
            Assert.Equal((c.N, c.R, c.Lower, c.Upper, c.Q, c.Rho), (int.Parse(row[2], CultureInfo.InvariantCulture), Number(row[3]), Number(row[4]), Number(row[5]), Number(row[7]), Number(row[8])));
        }

        var fitRows = Rows(copy, "areas/area_ols_fits.csv");
        var model = fits.Fits.First(f => f.Model is not null).Model!;
        var poverty = model.Coefficients.Single(b => b.Name == AreaNames.Poverty);
        var fitRow = fitRows.Single(r => r[0] == model.Score && r[1] == AreaNames.Poverty);
        Assert.Equal((poverty.Estimate, poverty.StandardError, poverty.P, poverty.Lower, poverty.Upper), (Number(fitRow[2]), Number(fitRow[3]), Number(fitRow[5]), Number(fitRow[6]), Number(fitRow[7])));
        Assert.Equal((model.RSquared, model.AdjustedRSquared, model.ResidualStandardError), (Number(fitRow[10]), Number(fitRow[11]), Number(fitRow[12])));
        Assert.Equal(fits.Fits.Sum(f => f.Model?.Coefficients.Count ?? 1), fitRows.Count);

        var heatmap = (HeatmapChart)Figure(summary, "areas/correlation_heatmap.png");
        Assert.Equal(correlations.Select(c => (c.Measure, c.Score, c.R)), heatmap.Cells.Select(c => (c.Row, c.Column, c.Value)));
    }

    [Fact]
    public async Task County_predictions_carry_their_intervals_flags_and_the_standing_note()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("areas");
        var counties = await copy.Store.GetSubAreaPredictionsAsync(Scope.Everything);

        var rows = Rows(copy, "areas/county_predictions.csv");
        Assert.Equal(counties.Areas.Sum(a => a.Predictions.Count), rows.Count);
        foreach (var county in new[] { counties.Areas[0], counties.Areas.FirstOrDefault(a => a.Extrapolated) ?? counties.Areas[^1] })
        {
            var p = county.Predictions[0];
            var row = rows.Single(r => r[0] == county.Area && r[1] == county.ParentArea && r[7] == p.Score);
            Assert.Equal((p.Predicted, p.PredictionLower, p.PredictionUpper, p.Leverage), (Number(row[8]), Number(row[9]), Number(row[10]), Number(row[13])));
            Assert.Equal(p.Extrapolated ? "true" : "false", row[14]);
            Assert.True(p.PredictionLower < p.MeanLower && p.MeanUpper < p.PredictionUpper);
        }

        var entry = summary.Files.Single(f => f.Path == "areas/county_predictions.csv");
        Assert.Contains(AreaNotes.StateModelElsewhere, entry.Method, StringComparison.Ordinal);
        Assert.Contains(AreaNotes.StateModelElsewhere, summary.Studies.Single().Notes);
        var index = await File.ReadAllTextAsync(summary.IndexPath);
        Assert.Contains("predicts what a state with those figures would score", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_residuals_and_the_scatter_equal_the_areas_pages_answers()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("areas");
        var score = AreaNames.StudyScores[0];
        var odds = await copy.Store.GetBeatingTheOddsAsync(Scope.Everything, score);
        var scatter = await copy.Store.GetAreaScatterAsync(Scope.Everything, AreaNames.Poverty, score, null);

        var rows = Rows(copy, "areas/beating_the_odds.csv").Where(r => r[0] == score).ToList();
        Assert.Equal(odds.AreaYears!.Count, rows.Count);
        var outside = odds.AreaYears.First(r => r.Verdict != Expectation.Within);
        var row = rows.Single(r => r[1] == outside.Area && r[3] == outside.Year.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((outside.Actual, outside.Predicted, outside.Lower, outside.Upper), (Number(row[4]), Number(row[5]), Number(row[6]), Number(row[7])));
        Assert.Equal(outside.Verdict == Expectation.Above ? "above" : "below", row[9]);

        var fit = (FitChart)Figure(summary, $"areas/{ReportFileName.Of("scatter", AreaNames.Poverty, score)}.png");
        Assert.Equal(scatter.Points.Select(p => (p.Measure, p.Score)), fit.Points.Select(p => (p.X, p.Y)));
        Assert.Equal(scatter.Line.Select(l => (l.Measure, l.Fitted, l.Lower, l.Upper)), fit.Line.Select(l => (l.X, l.Fitted, l.Lower, l.Upper)));

        var comparison = Rows(copy, "areas/area_model_comparison.csv");
        Assert.Contains(comparison, r => r[2] == "random_split" && r[3] == "true");
        Assert.Contains(comparison, r => r[2] == "grouped_by_area" && r[11] == "true" && r[12].Length > 0);
    }

    [Fact]
    public async Task A_store_without_area_data_skips_the_areas_study_with_its_sentence()
    {
        await using var temp = await TempStore.CreateAsync();

        var summary = await ReportWriter.WriteAsync(temp.Store, StudyReports.Select("areas"), temp.PathOf("report"), ReportAudience.CommandLineAdmin);

        var outcome = Assert.Single(summary.Studies);
        Assert.False(outcome.Written);
        Assert.StartsWith("No scored areas with figures in scope", outcome.Skipped, StringComparison.Ordinal);
        Assert.Empty(outcome.Files);
    }

    private static Figure Figure(ReportSummary summary, string path) => summary.Files.Single(f => f.Path == path).Figure!;

    private static List<List<string>> Rows(DemoCopy copy, string relative) =>
        [.. File.ReadLines(Path.Combine(copy.ReportDirectory, relative)).Skip(1).Select(CsvLine.Fields)];

    private static double? Number(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);
}
