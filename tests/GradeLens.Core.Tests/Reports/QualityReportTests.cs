using System.Globalization;
using GradeLens.Core.Quality;
using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;
using GradeLens.Testing;

namespace GradeLens.Core.Tests.Reports;

public sealed class QualityReportTests(DemoReportStore demo) : IClassFixture<DemoReportStore>
{
    /// <summary>The day outstanding work is aged to, fixed so the report and the reads below share their kept answers.</summary>
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Fact]
    public async Task The_quality_tables_have_the_studys_columns_first_then_intervals_and_suppression()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await WriteAsync(copy);

        Assert.True(summary.Studies.Single().Written, summary.Studies.Single().Skipped);
        Assert.Equal(["programme", "term", "students", "pass_rate_pct", "programme_id", "faculty", "results", "passed", "lower_pct", "upper_pct", "suppressed"],
            copy.HeaderOf("quality/kpi_pass_rate.csv"));
        Assert.Equal(["assessment_id", "turnaround_days", "turn_bin", "working_days", "working_bin", "late", "status", "outstanding_days", "outstanding_working_days",
            "title", "module_id", "programme_id", "programme", "term", "due_on", "returned_on"], copy.HeaderOf("quality/assessment_turnaround_bins.csv"));
        Assert.Equal(["programme", "term", "mean_score_1_5", "engagement_index", "programme_id", "faculty", "students", "responses", "median_visits", "survey_source", "suppressed"],
            copy.HeaderOf("quality/engagement_index.csv"));
        Assert.Equal(["module_id", "pass_rate", "mean_survey", "at_risk", "title", "programme_id", "programme", "term", "students", "passed", "lower_pct", "upper_pct",
            "survey_responses", "evidence", "suppressed"], copy.HeaderOf("quality/at_risk_modules.csv"));
    }

    [Fact]
    public async Task The_four_figures_are_written_one_trend_per_programme_and_every_png_decodes()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await WriteAsync(copy);
        var trends = await copy.Store.GetPassRateTrendsAsync(Scope.Everything, QualityFilter.All);

        var figures = summary.Files.Where(f => f.Kind == ReportFileKind.Figure).Select(f => f.Path).ToList();
        Assert.Contains("quality/turnaround_distribution.png", figures);
        Assert.Contains("quality/scatter_pass_vs_survey.png", figures);
        Assert.Contains("quality/scatter_engagement_vs_pass.png", figures);
        Assert.Equal(trends.Programmes.Select(p => $"quality/{ReportFileName.Of("pass_rate_trend", p.Programme)}.png").Order(StringComparer.Ordinal),
            figures.Where(f => f.StartsWith("quality/pass_rate_trend_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.True(trends.Programmes.Count >= 2);
        foreach (var figure in figures)
        {
            PngCheck.AssertValid(await File.ReadAllBytesAsync(Path.Combine(copy.ReportDirectory, figure)));
        }
    }

    [Fact]
    public async Task The_tables_are_the_quality_features_own_csv_and_their_rates_equal_its_answers()
    {
        await using var copy = await demo.OpenCopyAsync();
        await WriteAsync(copy);
        var rates = await copy.Store.GetPassRatesAsync(Scope.Everything, QualityFilter.All);
        var atRisk = await copy.Store.GetAtRiskModulesAsync(Scope.Everything, QualityFilter.All);

        // Byte for byte the feature's own CSV, after the report's byte-order mark (File.ReadAllText takes the mark off).
        var passFile = Path.Combine(copy.ReportDirectory, "quality/kpi_pass_rate.csv");
        Assert.True(await File.ReadAllBytesAsync(passFile) is [0xEF, 0xBB, 0xBF, ..], "no byte-order mark");
        Assert.Equal(QualityReportFiles.PassRateCsv(rates), await File.ReadAllTextAsync(passFile));
        Assert.Equal(QualityReportFiles.AtRiskCsv(atRisk), await File.ReadAllTextAsync(Path.Combine(copy.ReportDirectory, "quality/at_risk_modules.csv")));

        var rows = Rows(copy, "quality/kpi_pass_rate.csv");
        var published = rates.Programmes.Where(p => !p.PassRate.Suppressed).Take(2).ToList();
        Assert.Equal(2, published.Count);
        foreach (var p in published)
        {
            var row = rows.Single(r => r[4] == p.ProgrammeId && r[1] == p.Term);
            Assert.Equal(p.PassRate.Value!.Value * 100, Number(row[3]), 0.05 + 1e-9);
            Assert.Equal(p.PassRate.Lower!.Value * 100, Number(row[8]), 0.05 + 1e-9);
            Assert.Equal(p.PassRate.Upper!.Value * 100, Number(row[9]), 0.05 + 1e-9);
            Assert.Equal("false", row[10]);
        }

        var suppressed = atRisk.Modules.Where(m => m.Module.PassRate.Suppressed).ToList();
        Assert.NotEmpty(suppressed);
        var riskRows = Rows(copy, "quality/at_risk_modules.csv");
        foreach (var m in suppressed)
        {
            var row = riskRows.Single(r => r[0] == m.Module.ModuleId && r[7] == m.Module.Term);
            Assert.Equal(("", "", "true"), (row[1], row[10], row[14]));
        }
    }

    [Fact]
    public async Task The_figures_draw_the_quality_pages_answers()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await WriteAsync(copy);
        var atRisk = await copy.Store.GetAtRiskModulesAsync(Scope.Everything, QualityFilter.All);
        var view = await copy.Store.GetTurnaroundViewAsync(Scope.Everything, QualityFilter.All, AsOf);
        var trends = await copy.Store.GetPassRateTrendsAsync(Scope.Everything, QualityFilter.All);

        var scatter = (ScatterChart)Figure(summary, "quality/scatter_pass_vs_survey.png");
        var drawn = atRisk.Modules.Where(m => !m.Module.PassRate.Suppressed && m.SurveyMean is not null).ToList();
        Assert.Equal(drawn.Select(m => (m.SurveyMean!.Value, m.Module.PassRate.Value!.Value * 100, m.AtRisk)), scatter.Points.Select(p => (p.X, p.Y, p.Marked)));
        Assert.Contains(scatter.Points, p => p.Marked);
        Assert.Equal([(ThresholdAxis.X, 3.5), (ThresholdAxis.Y, 70.0)], scatter.Thresholds.Select(t => (t.Axis, Math.Round(t.Value, 9))));

        var histogram = (HistogramChart)Figure(summary, "quality/turnaround_distribution.png");
        Assert.Equal(view.Histogram.Select(h => ((double)h.WorkingDays, h.Assessments)), histogram.Bins.Select(b => ((b.Lower + b.Upper) / 2, b.Count)));
        Assert.Equal(20.5, histogram.Policy!.Value);
        Assert.Contains("working days", histogram.Policy.Label, StringComparison.Ordinal);

        var programme = trends.Programmes[0];
        var line = (LineChart)Figure(summary, $"quality/{ReportFileName.Of("pass_rate_trend", programme.Programme)}.png");
        var points = programme.Terms.Where(t => !t.PassRate.Suppressed).Select(t => (t.PassRate.Value!.Value * 100, t.PassRate.Lower!.Value * 100, t.PassRate.Upper!.Value * 100));
        Assert.Equal(points, line.Series[0].Points.Select(p => (p.Y, p.Lower!.Value, p.Upper!.Value)));
        Assert.Contains("Wilson", line.Text.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_without_university_data_skips_the_quality_study_with_its_sentence()
    {
        await using var temp = await TempStore.CreateAsync();

        var summary = await ReportWriter.WriteAsync(temp.Store, StudyReports.Select("quality"), temp.PathOf("report"), ReportAudience.CommandLineAdmin);

        var outcome = Assert.Single(summary.Studies);
        Assert.False(outcome.Written);
        Assert.StartsWith("No university data in scope", outcome.Skipped, StringComparison.Ordinal);
        Assert.Empty(outcome.Files);
        Assert.False(Directory.Exists(temp.PathOf("report/quality")));
    }

    [Fact]
    public void The_minimum_shown_is_the_rules_raised_to_an_aggregates_only_scopes()
    {
        var options = QualityOptions.Default;

        Assert.Equal(23, QualityStudyReport.MinimumShown(Scope.Everything, options));
        Assert.Equal(30, QualityStudyReport.MinimumShown(new Scope("north", AggregatesOnly: true, MinimumCellSize: 30), options));
        Assert.Equal(23, QualityStudyReport.MinimumShown(new Scope("north", AggregatesOnly: true, MinimumCellSize: 10), options));
    }

    private static Task<ReportSummary> WriteAsync(DemoCopy copy) =>
        ReportWriter.WriteAsync(copy.Store, [new QualityStudyReport(AsOf)], copy.ReportDirectory, ReportAudience.CommandLineAdmin);

    private static Figure Figure(ReportSummary summary, string path) => summary.Files.Single(f => f.Path == path).Figure!;

    private static List<List<string>> Rows(DemoCopy copy, string relative) =>
        [.. File.ReadLines(Path.Combine(copy.ReportDirectory, relative)).Skip(1).Select(CsvLine.Fields)];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
