using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Benchmarks;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens bench risk</c>: 5-fold cross-validated training and scoring of the at-risk model on synthetic students.</summary>
public static class RiskBench
{
    public static Command Create()
    {
        var students = new Option<int>("--students") { Description = "Students to generate.", DefaultValueFactory = _ => 1_000_000 };
        var features = new Option<int>("--features") { Description = "Numeric features per student.", DefaultValueFactory = _ => 20 };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seeds the data and the folds.", DefaultValueFactory = _ => 11 };
        var csv = new Option<string?>("--csv")
        {
            Description = "Also write the data, the outcome and each student's fold here (after timing), for scripts/compare/risk_sklearn.py.",
            HelpName = "PATH",
        };
        var command = new Command("risk", "Generate N students x F features with a known logistic outcome, then time k-fold CV training and scoring (L2, C = 1, standardised).")
        {
            students, features, folds, seed, csv,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(students);
            var width = parse.GetValue(features);
            var k = parse.GetValue(folds);
            if (count < 10 * k || width <= 0 || k < 2)
            {
                await Console.Error.WriteLineAsync("gradelens: --students must be at least 10 x --folds, --features positive and --folds at least 2.");
                return ExitCodes.Usage;
            }

            AnsiConsole.WriteLine($"Generating {count:N0} students x {width} features ...");
            var clock = Stopwatch.StartNew();
            var (x, y, truth) = SyntheticRiskData.Generate(count, width, parse.GetValue(seed));
            var generateSeconds = clock.Elapsed.TotalSeconds;

            AnsiConsole.WriteLine($"{k}-fold cross-validation: training and scoring ...");
            clock.Restart();
            var cv = RiskTrainer.CrossValidate(x, y, k, parse.GetValue(seed), c: 1.0);
            var seconds = clock.Elapsed.TotalSeconds;
            var trueAuc = ClassifierMetrics.Auc(y, truth);

            var figures = new Dictionary<string, object>
            {
                ["students"] = count,
                ["features"] = width,
                ["folds"] = k,
                ["positives"] = y.Count(v => v),
                ["seconds"] = Math.Round(seconds, 3),
                ["generate_seconds"] = Math.Round(generateSeconds, 3),
                ["auc"] = Math.Round(cv.Auc.Auc, 5),
                ["auc_ci95"] = new[] { Math.Round(cv.Auc.Lower, 5), Math.Round(cv.Auc.Upper, 5) },
                ["auc_of_true_model"] = Math.Round(trueAuc, 5),
                ["brier"] = Math.Round(ClassifierMetrics.Brier(y, cv.Probabilities), 5),
                ["log_loss_nats"] = Math.Round(ClassifierMetrics.LogLoss(y, cv.Probabilities), 5),
                ["peak_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6),
            };
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Cross-validated AUC {cv.Auc.Auc:0.0000} (95% CI {cv.Auc.Lower:0.0000} to {cv.Auc.Upper:0.0000}; the true model's AUC {trueAuc:0.0000}) in {seconds:0.00} s; peak memory {figures["peak_mb"]} MB."));
            if (parse.GetValue(csv) is { } path)
            {
                WriteCsv(path, x, y, cv.Folds);
                AnsiConsole.WriteLine($"Wrote the data with its folds to {path}.");
            }

            Console.WriteLine(JsonSerializer.Serialize(figures));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>f0..fN, y (0/1) and fold: the same students and folds for an independent fit (scikit-learn).</summary>
    private static void WriteCsv(string path, FeatureMatrix x, IReadOnlyList<bool> y, int[] folds)
    {
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write(string.Join(',', x.Names.Select((_, j) => "f" + j.ToString(CultureInfo.InvariantCulture))));
        writer.Write(",y,fold\n");
        Span<char> buffer = stackalloc char[32];
        for (var i = 0; i < x.Rows; i++)
        {
            foreach (var value in x.Row(i))
            {
                value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
                writer.Write(buffer[..written]);
                writer.Write(',');
            }

            writer.Write(y[i] ? '1' : '0');
            writer.Write(',');
            writer.Write(folds[i].ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
