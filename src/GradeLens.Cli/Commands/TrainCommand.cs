using System.CommandLine;
using System.Globalization;
using GradeLens.Core.Models;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens train</c>: trains the at-risk model on the store and prints its honest evaluation and odds ratios.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var target = new Option<string?>("--target") { Description = "The series whose result is the outcome. Example: --target Final", HelpName = "SERIES" };
        var subject = new Option<string?>("--subject") { Description = "The subject of the outcome. Example: --subject Mathematics" };
        var below = new Option<double?>("--below") { Description = "Outcome = a score below this (default: the assessment's proficiency threshold). Example: --below 4", HelpName = "SCORE" };
        var column = new Option<string?>("--target-column")
        {
            Description = "An outcome column of the students as the target, instead of --target and --subject. Example: --target-column final_result --positive Fail,Withdrawn",
            HelpName = "COLUMN",
        };
        var positive = new Option<string[]>("--positive")
        {
            Description = "The values of --target-column to warn of; commas or repeats. Example: --positive Fail,Withdrawn (or --positive Fail --positive Withdrawn)",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "VALUES",
        };
        var series = new Option<string[]>("--features")
        {
            Description = "Series whose scores are features (default: every series before the target); commas or repeats; none for attributes only. Example: --features \"Mock 1,Mock 2\"",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "SERIES",
        };
        var attributes = new Option<string[]>("--attributes")
        {
            Description = "Student attributes to use (default: all but protected ones); commas or repeats; none for scores only. Example: --attributes lunch,absences",
            AllowMultipleArgumentsPerToken = true,
        };
        var cutoff = new Option<string?>("--cutoff")
        {
            Description = "Fit the model as of a series (its scores and earlier ones are known) or a date: only assessments known by then are features. Example: --cutoff \"Mock 1\" or --cutoff 2026-01-31",
            HelpName = "SERIES|DATE",
        };
        var includeProtected = new Option<bool>("--include-protected") { Description = "Use protected attributes (gender, ethnicity, disability...) as features, knowingly. Example: --include-protected" };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds. Example: --folds 10", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seeds the folds. Example: --seed 7", DefaultValueFactory = _ => new RiskOptions().Seed };
        var isotonic = new Option<bool>("--isotonic") { Description = "Calibrate with isotonic regression instead of Platt scaling. Example: --isotonic" };
        var top = new Option<int>("--top") { Description = "Show this many highest-risk students. Example: --top 30", DefaultValueFactory = _ => 10 };
        var command = new Command("train", "Train the at-risk model (logistic regression) on features known before the target; print cross-validated AUC, Brier, log-loss, calibration, fairness and odds ratios. Example: gradelens train --target Final --subject Maths --cutoff \"Mock 2\"")
        {
            store, target, subject, below, column, positive, series, attributes, cutoff, includeProtected, folds, seed, isotonic, top,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var targetColumn = parse.GetValue(column);
            if (string.IsNullOrWhiteSpace(targetColumn) && (string.IsNullOrWhiteSpace(parse.GetValue(target)) || string.IsNullOrWhiteSpace(parse.GetValue(subject))))
            {
                await Console.Error.WriteLineAsync("gradelens: name the outcome: --target SERIES --subject SUBJECT, or --target-column COLUMN --positive VALUES.");
                return ExitCodes.Usage;
            }

            var positives = Values(parse.GetValue(positive));
            if (!string.IsNullOrWhiteSpace(targetColumn) && positives is not { Count: > 0 })
            {
                await Console.Error.WriteLineAsync($"gradelens: --target-column {targetColumn} needs --positive: the values to warn of (for example --positive Fail,Withdrawn).");
                return ExitCodes.Usage;
            }

            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            var request = new RiskRequest(parse.GetValue(target) ?? "", parse.GetValue(subject) ?? "", parse.GetValue(below),
                Values(parse.GetValue(series)), Values(parse.GetValue(attributes)), parse.GetValue(includeProtected),
                string.IsNullOrWhiteSpace(targetColumn) ? null : targetColumn, positives, parse.GetValue(cutoff));
            var options = new RiskOptions(Folds: parse.GetValue(folds), Seed: parse.GetValue(seed),
                Calibration: parse.GetValue(isotonic) ? CalibrationMethod.Isotonic : CalibrationMethod.Platt);
            RiskAnalysisResult result;
            try
            {
                result = await RiskAnalysis.RunAsync(opened, Scope.Everything, request, options, cancellationToken);
            }
            catch (RiskDataException e)
            {
                await Console.Error.WriteLineAsync("gradelens: " + e.Message);
                return ExitCodes.BadInput;
            }

            Print(result, parse.GetValue(top));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// A list option's values, commas and repeats alike ("a,b" "c" = a, b, c); "none" is the empty list (no series, no
    /// attributes); null when the option is not given.
    /// </summary>
    public static IReadOnlyList<string>? Values(string[]? given)
    {
        if (given is not { Length: > 0 })
        {
            return null;
        }

        var values = given.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return values.Count == 1 && string.Equals(values[0], "none", StringComparison.OrdinalIgnoreCase) ? [] : values;
    }

    private static void Print(RiskAnalysisResult result, int top)
    {
        var r = result.Report;
        var f = result.Features;
        string N(double v, string format = "0.000") => v.ToString(format, CultureInfo.InvariantCulture);
        AnsiConsole.WriteLine($"Outcome: {f.Outcome}: {r.Positives} of {r.Students} students.");
        AnsiConsole.WriteLine($"Features ({r.Features}): scores from {(f.FeatureSeries.Count > 0 ? string.Join(", ", f.FeatureSeries) : "no series")}{(f.Request.Attributes is { Count: 0 } ? "" : ", and student attributes")}.");
        foreach (var missing in f.Missing)
        {
            AnsiConsole.WriteLine($"Missing: {missing.Feature} for {missing.Missing} of {missing.Rows} students (imputed, with an indicator column or a \"(missing)\" level).");
        }
        foreach (var note in f.Notes)
        {
            AnsiConsole.WriteLine("Note: " + note);
        }

        AnsiConsole.WriteLine($"{r.Folds}-fold stratified cross-validation (seed {r.Seed}), out-of-fold:");
        AnsiConsole.WriteLine($"  AUC {N(r.Auc.Auc)} (95% CI {N(r.Auc.Lower)} to {N(r.Auc.Upper)}, DeLong)");
        AnsiConsole.WriteLine($"  Brier {N(r.Brier, "0.0000")}, log-loss {N(r.LogLoss, "0.0000")} nats; after {r.Calibration} calibration: Brier {N(r.CalibratedBrier, "0.0000")}, log-loss {N(r.CalibratedLogLoss, "0.0000")}");
        foreach (var warning in r.Warnings)
        {
            AnsiConsole.WriteLine("Warning: " + warning);
        }

        var reliability = new Table().AddColumns("risk bin", "students", "mean predicted", "observed");
        foreach (var b in r.Reliability)
        {
            reliability.AddRow($"{N(b.Lower, "0.0")}-{N(b.Upper, "0.0")}", b.Students.ToString(CultureInfo.InvariantCulture), N(b.MeanPredicted), N(b.ObservedRate));
        }

        AnsiConsole.Write(reliability);
        if (r.Fairness.Count > 0)
        {
            var fairness = new Table().AddColumns("attribute", "group", "students", "with outcome", "AUC (95% CI)", "mean risk", "observed");
            foreach (var g in r.Fairness)
            {
                if (g.Suppressed)
                {
                    fairness.AddRow(Markup.Escape(g.Attribute), Markup.Escape(g.Group), "suppressed", "", "", "", "");
                    continue;
                }

                fairness.AddRow(Markup.Escape(g.Attribute), Markup.Escape(g.Group), g.Students!.Value.ToString(CultureInfo.InvariantCulture), g.Positives!.Value.ToString(CultureInfo.InvariantCulture),
                    g.Auc is { } a ? $"{N(a.Auc)} ({N(a.Lower)}-{N(a.Upper)})" : "one outcome only", N(g.MeanRisk!.Value), N(g.ObservedRate!.Value));
            }

            AnsiConsole.Write(fairness);
        }

        var odds = new Table().AddColumns("feature", "odds ratio per unit", "95% CI", "p");
        foreach (var o in r.OddsRatios)
        {
            if (o.Ratio is not { } ratio)
            {
                odds.AddRow(Markup.Escape(o.Feature), "not shown", "", Markup.Escape(o.NotShown ?? ""));
                continue;
            }

            odds.AddRow(Markup.Escape(o.Feature), N(ratio), $"{N(o.Lower!.Value)} to {N(o.Upper!.Value)}", o.P!.Value.ToString("0.###e0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(odds);
        var ranked = new Table().AddColumns("student", "risk", "outcome", "why (log-odds above an average student)");
        foreach (var s in result.Ranked.Take(top))
        {
            ranked.AddRow(Markup.Escape(s.StudentId), N(s.Risk), s.Outcome switch { true => "yes", false => "no", null => "not yet" },
                Markup.Escape(string.Join("; ", s.Reasons.Select(c => $"{c.Feature} = {N(c.Value, "0.##")} (+{N(c.LogOdds, "0.00")})"))));
        }

        AnsiConsole.Write(ranked);
    }
}
