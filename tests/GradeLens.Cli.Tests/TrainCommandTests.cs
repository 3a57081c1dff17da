using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GradeLens.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-train-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> StoreWithMocksAsync()
    {
        var random = new Random(3);
        var csv = new StringBuilder("student_id,gender,subject,series,score\n");
        for (var i = 1; i <= 80; i++)
        {
            var gender = random.Next(2) == 0 ? "F" : "M";
            var ability = 30 + (random.NextDouble() * 50);
            foreach (var series in new[] { "Mock 1", "Mock 2", "Final" })
            {
                csv.Append(CultureInfo.InvariantCulture, $"S{i:000},{gender},Maths,{series},{Math.Clamp(Math.Round(ability + ((random.NextDouble() - 0.5) * 30)), 0, 100)}\n");
            }
        }

        var file = Path.Combine(_directory, "long.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        var store = Path.Combine(_directory, "s.duckdb");
        Assert.Equal(0, (await CliProcess.RunAsync("import", file, "--store", store)).ExitCode);
        return store;
    }

    [Fact]
    public async Task Train_prints_the_cross_validated_evaluation_and_leaves_gender_out_by_default()
    {
        var store = await StoreWithMocksAsync();

        var (code, output, _) = await CliProcess.RunAsync("train", "--store", store, "--target", "Final", "--subject", "Maths");

        Assert.Equal(0, code);
        Assert.Contains("Outcome: Maths in Final below 50", output, StringComparison.Ordinal);
        Assert.Contains("Features (2): scores from Mock 1, Mock 2", output, StringComparison.Ordinal);
        Assert.Contains("left out of the features (used only for the fairness view): gender", output, StringComparison.Ordinal);
        Assert.Contains("5-fold stratified cross-validation", output, StringComparison.Ordinal);
        Assert.Contains("DeLong", output, StringComparison.Ordinal);
        Assert.Contains("Mock 2 Maths", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_refuses_a_feature_from_the_outcomes_own_series_in_one_line_with_exit_code_1()
    {
        var store = await StoreWithMocksAsync();

        var (code, _, error) = await CliProcess.RunAsync("train", "--store", store, "--target", "Final", "--subject", "Maths", "--features", "Mock 2", "Final");

        Assert.Equal(1, code);
        Assert.StartsWith("gradelens: Refused: 'Final' is the outcome's own assessment", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Bench_risk_ends_with_one_json_line_of_figures_and_its_auc_matches_the_generating_models()
    {
        var (code, output, _) = await CliProcess.RunAsync("bench", "risk", "--students", "20000");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var figures = json.RootElement;
        Assert.Equal(20000, figures.GetProperty("students").GetInt32());
        Assert.Equal(20, figures.GetProperty("features").GetInt32());
        Assert.True(figures.GetProperty("seconds").GetDouble() > 0);
        Assert.True(figures.GetProperty("peak_mb").GetDouble() > 0);
        // The outcome is drawn from a known logistic model: held-out AUC approaches the true model's (sampling error ~0.005 at 20k).
        Assert.Equal(figures.GetProperty("auc_of_true_model").GetDouble(), figures.GetProperty("auc").GetDouble(), 0.01);
    }
}
