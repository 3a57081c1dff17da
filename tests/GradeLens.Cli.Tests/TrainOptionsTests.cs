using System.Globalization;
using System.Text;

namespace GradeLens.Cli.Tests;

/// <summary><c>gradelens train</c>'s options: lists with commas or repeats, "none", outcome columns, the protected note, examples in --help.</summary>
public sealed class TrainOptionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-train-options-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> StoreAsync()
    {
        var random = new Random(6);
        var csv = new StringBuilder("student_id,gender,lunch,absences,final_result,subject,series,score\n");
        for (var i = 1; i <= 120; i++)
        {
            var ability = random.NextDouble();
            var result = ability < 0.3 ? (random.Next(2) == 0 ? "Fail" : "Withdrawn") : "Pass";
            var prefix = string.Create(CultureInfo.InvariantCulture,
                $"S{i:000},{(random.Next(2) == 0 ? "F" : "M")},{(random.NextDouble() < 0.4 ? "free" : "standard")},{random.Next(20)},{result},Maths");
            foreach (var series in new[] { "Mock 1", "Mock 2", "Final" })
            {
                csv.Append(CultureInfo.InvariantCulture, $"{prefix},{series},{Math.Clamp(Math.Round(20 + (70 * ability) + ((random.NextDouble() - 0.5) * 30)), 0, 100)}\n");
            }
        }

        var file = Path.Combine(_directory, "cohort.csv");
        await File.WriteAllTextAsync(file, csv.ToString());
        var store = Path.Combine(_directory, "s.duckdb");
        var (code, _, error) = await CliProcess.RunAsync("import", file, "--store", store);
        Assert.True(code == 0, error);
        return store;
    }

    [Fact]
    public async Task Commas_and_repeated_options_give_the_same_model_and_none_leaves_out_scores_or_attributes()
    {
        var store = await StoreAsync();
        string[] target = ["train", "--store", store, "--target", "Final", "--subject", "Maths"];

        var commas = await CliProcess.RunAsync([.. target, "--features", "Mock 1,Mock 2", "--attributes", "lunch,absences"]);
        var repeats = await CliProcess.RunAsync([.. target, "--features", "Mock 1", "--features", "Mock 2", "--attributes", "lunch", "--attributes", "absences"]);
        var attributesOnly = await CliProcess.RunAsync([.. target, "--features", "none"]);
        var scoresOnly = await CliProcess.RunAsync([.. target, "--attributes", "none"]);

        Assert.True(commas.ExitCode == 0, commas.Error);
        Assert.Equal(commas.Out, repeats.Out);
        Assert.Contains("Features (4): scores from Mock 1, Mock 2, and student attributes", commas.Out, StringComparison.Ordinal);
        // lunch, absences and final_result (two levels besides its reference); gender is protected.
        Assert.Contains("Features (4): scores from no series, and student attributes", attributesOnly.Out, StringComparison.Ordinal);
        Assert.Contains("Features (2): scores from Mock 1, Mock 2.", scoresOnly.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_protected_note_says_what_was_done_with_them()
    {
        var store = await StoreAsync();

        var leftOut = await CliProcess.RunAsync("train", "--store", store, "--target", "Final", "--subject", "Maths");
        var included = await CliProcess.RunAsync("train", "--store", store, "--target", "Final", "--subject", "Maths", "--include-protected");

        Assert.Contains("Protected attributes left out of the features (used only for the fairness view): gender", leftOut.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("left out of the features", included.Out, StringComparison.Ordinal);
        Assert.Contains("Protected attributes used as features, knowingly: gender", included.Out, StringComparison.Ordinal);
        Assert.Contains("gender_M", included.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_column_is_a_target_with_its_positive_values_and_help_has_an_example_per_option()
    {
        var store = await StoreAsync();

        var (code, output, error) = await CliProcess.RunAsync("train", "--store", store, "--target-column", "final_result", "--positive", "Fail,Withdrawn", "--cutoff", "Mock 1");
        var missing = await CliProcess.RunAsync("train", "--store", store, "--target-column", "final_result");
        var help = await CliProcess.RunAsync("train", "--help");

        Assert.True(code == 0, error);
        Assert.Contains("Outcome: final_result is Fail or Withdrawn", output, StringComparison.Ordinal);
        Assert.Contains("Features (3): scores from Mock 1, and student attributes", output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--positive", missing.Error, StringComparison.Ordinal);
        var words = string.Join(' ', help.Out.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var option in new[] { "--target", "--subject", "--below", "--target-column", "--positive", "--features", "--attributes", "--cutoff", "--include-protected", "--folds", "--seed", "--isotonic", "--top" })
        {
            Assert.Contains($"Example: {option}", words, StringComparison.Ordinal);
        }
    }
}
