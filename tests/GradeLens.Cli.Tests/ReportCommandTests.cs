using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Cli.Tests;

/// <summary>A demo store made by <c>gradelens demo --no-serve --national-students 2000</c>, once per class; each test copies the file.</summary>
public sealed class CliDemoStore : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-cli-report-demo-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "demo.duckdb");

    public async Task InitializeAsync()
    {
        var (code, _, error) = await CliProcess.RunAsync("demo", "--no-serve", "--store", Path, "--national-students", "2000");
        Assert.True(code == 0, error);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The demo store copied into <paramref name="directory"/>.</summary>
    public string CopyTo(string directory)
    {
        var copy = System.IO.Path.Combine(directory, "store.duckdb");
        File.Copy(Path, copy);
        if (File.Exists(Path + ".wal"))
        {
            File.Copy(Path + ".wal", copy + ".wal");
        }

        return copy;
    }
}

public sealed class ReportCommandTests(CliDemoStore demo) : IClassFixture<CliDemoStore>, IDisposable
{
    private static readonly string[] EveryStudyFile =
    [
        "index.html",
        "equity/agg_region_grade_subject.csv", "equity/agg_region_grade_subject_domain.csv", "equity/agg_gender.csv", "equity/agg_gender_domain.csv",
        "equity/overlap.csv", "equity/overlap_domain.csv", "equity/overlap.png", "equity/mean_score_math_spring_2026.png", "equity/gender_gap_math_spring_2026.png",
        "risk/student_risk_scores.csv", "risk/risk_model_metrics.json", "risk/risk_model_coefficients.csv", "risk/risk_model_fairness.csv",
        "risk/reliability.png", "risk/fairness.png", "risk/odds_ratios.png",
        "tracking/series_boxes.csv", "tracking/baseline_shares.csv", "tracking/backtest.csv", "tracking/series_boxes_mathematics.png",
        "explore/explore_ranking.csv", "explore/explore_tests.csv", "explore/explore_groups.csv", "explore/explore_pairs.csv", "explore/ranking_math_spring_2026_numbers.png",
        "areas/area_correlations.csv", "areas/area_ols_fits.csv", "areas/area_model_comparison.csv", "areas/beating_the_odds.csv", "areas/beating_the_odds_areas.csv",
        "areas/county_predictions.csv", "areas/scatter_poverty_percent_mathematics_grade_4.png", "areas/correlation_heatmap.png",
        "quality/kpi_pass_rate.csv", "quality/assessment_turnaround_bins.csv", "quality/engagement_index.csv", "quality/at_risk_modules.csv",
        "quality/pass_rate_trend_medicine.png", "quality/turnaround_distribution.png", "quality/scatter_pass_vs_survey.png", "quality/scatter_engagement_vs_pass.png",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-cli-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Out => Path.Combine(_directory, "report");

    [Fact]
    public async Task Report_all_on_the_demo_store_writes_every_studys_files_and_skips_none()
    {
        var store = demo.CopyTo(_directory);

        var (code, output, error) = await CliProcess.RunAsync("report", "all", "--out", Out, "--store", store);

        Assert.True(code == 0, error);
        foreach (var file in EveryStudyFile)
        {
            Assert.True(File.Exists(Path.Combine(Out, file)), $"{file} was not written");
        }

        Assert.DoesNotContain("skipped", output, StringComparison.Ordinal);
        Assert.Matches(@"Report for command-line admin \(admin, every organisation\): .*index\.html \(\d+ files in \d+\.\d s\)\.", output);
        Assert.True(Directory.GetFiles(Out, "*.png", SearchOption.AllDirectories).Length > 40);
    }

    [Fact]
    public async Task A_report_is_recorded_in_the_audit_log_with_who_ran_it_and_as_whom()
    {
        var store = demo.CopyTo(_directory);

        var (code, _, error) = await CliProcess.RunAsync("report", "tracking", "--out", Out, "--store", store);
        Assert.True(code == 0, error);

        await using var opened = await DuckDbStore.OpenAsync(store);
        var entry = Assert.Single(await opened.Accounts.ReadAuditAsync(10), e => e.Action == "report");
        Assert.Equal("cli:" + Environment.UserName, entry.User);
        Assert.Equal("command line", entry.RemoteAddress);
        Assert.Contains($"report tracking to {Out} as command-line admin (admin, every organisation)", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_empty_folder_is_refused_unless_forced_and_forcing_leaves_other_files_alone()
    {
        var store = demo.CopyTo(_directory);
        Directory.CreateDirectory(Out);
        var mine = Path.Combine(Out, "my notes.txt");
        await File.WriteAllTextAsync(mine, "keep me");

        var (code, _, error) = await CliProcess.RunAsync("report", "tracking", "--out", Out, "--store", store);
        Assert.Equal(1, code);
        Assert.Contains("is not empty: choose a new or empty folder, or pass --force", error, StringComparison.Ordinal);
        Assert.Equal([mine], Directory.GetFileSystemEntries(Out));

        (code, _, error) = await CliProcess.RunAsync("report", "tracking", "--out", Out, "--store", store, "--force");
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(Out, "tracking/series_boxes.csv")));
        Assert.Equal("keep me", await File.ReadAllTextAsync(mine));
    }

    [Fact]
    public async Task As_an_analyst_the_risk_report_has_no_student_rows_and_names_no_student()
    {
        var store = demo.CopyTo(_directory);
        var added = await CliProcess.RunWithInputAsync("a long enough password\n", "user", "add", "ana", "--role", "analyst", "--organisation", "demo", "--store", store, "--password-stdin");
        Assert.True(added.ExitCode == 0, added.Error);

        var (code, output, error) = await CliProcess.RunAsync("report", "risk", "--out", Out, "--store", store, "--as", "ana");

        Assert.True(code == 0, error);
        Assert.Contains("Report for ana (analyst, demo)", output, StringComparison.Ordinal);
        Assert.Contains("student_risk_scores.csv is not written", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Out, "risk/student_risk_scores.csv")));
        Assert.True(File.Exists(Path.Combine(Out, "risk/risk_model_metrics.json")));
        var text = string.Concat(Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)).Select(File.ReadAllText));
        Assert.DoesNotMatch(@"\b(S\d{4}|N\d{6})\b", text);
    }

    [Theory]
    [InlineData(1, "There is no user called nobody", "report", "equity", "--as", "nobody")]
    [InlineData(2, "Argument 'everything' not recognized", "report", "everything")]
    [InlineData(2, "--risk-series and --risk-subject go together", "report", "risk", "--risk-series", "Final")]
    public async Task Refusals_are_one_sentence_with_their_exit_code_and_write_nothing(int exitCode, string sentence, params string[] arguments)
    {
        var store = demo.CopyTo(_directory);

        var (code, _, error) = await CliProcess.RunAsync([.. arguments, "--out", Out, "--store", store]);

        Assert.Equal(exitCode, code);
        Assert.Contains(sentence, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }
}
