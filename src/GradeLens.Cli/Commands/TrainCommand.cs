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
        var target = new Option<string>("--target") { Description = "The series whose result is the outcome (e.g. Final, GCSE, G3).", Required = true, HelpName = "SERIES" };
        var subject = new Option<string>("--subject") { Description = "The subject of the outcome.", Required = true };
        var below = new Option<double?>("--below") { Description = "Outcome = a score below this. Default: the assessment's proficiency threshold.", HelpName = "SCORE" };
        var series = new Option<string[]>("--features") { Description = "Series whose scores are features (default: every series before the target).", AllowMultipleArgumentsPerToken = true, HelpName = "SERIES" };
        var attributes = new Option<string[]>("--attributes") { Description = "Student attributes to use (default: all but protected ones).", AllowMultipleArgumentsPerToken = true };
        var includeProtected = new Option<bool>("--include-protected") { Description = "Use protected attributes (gender, ethnicity, disability...) as features, knowingly." };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seeds the folds.", DefaultValueFactory = _ => new RiskOptions().Seed };
        var isotonic = new Option<bool>("--isotonic") { Description = "Calibrate with isotonic regression instead of Platt scaling." };
        var top = new Option<int>("--top") { Description = "Show this many highest-risk students.", DefaultValueFactory = _ => 10 };
        var command = new Command("train", "Train the at-risk model (logistic regression) on features known before the target; print cross-validated AUC, Brier, log-loss, calibration, fairness and odds ratios.")
        {
            store, target, subject, below, series, attributes, includeProtected, folds, seed, isotonic, top,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            var chosenSeries = parse.GetValue(series);
            var chosenAttributes = parse.GetValue(attributes);
            var request = new RiskRequest(parse.GetValue(target)!, parse.GetValue(subject)!, parse.GetValue(below),
                chosenSeries is { Length: > 0 } ? chosenSeries : null, chosenAttributes is { Length: > 0 } ? chosenAttributes : null, parse.GetValue(includeProtected));
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

    private static void Print(RiskAnalysisResult result, int top)
    {
        var r = result.Report;
        var f = result.Features;
        string N(double v, string format = "0.000") => v.ToString(format, CultureInfo.InvariantCulture);
        AnsiConsole.WriteLine($"Outcome: {f.Request.TargetSubject} in {f.Request.TargetSeries} below {N(f.Threshold, "0.##")}: {r.Positives} of {r.Students} students.");
        AnsiConsole.WriteLine($"Features ({r.Features}): scores from {(f.FeatureSeries.Count > 0 ? string.Join(", ", f.FeatureSeries) : "no earlier series")}, and student attributes.");
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
            odds.AddRow(Markup.Escape(o.Feature), N(o.Ratio), $"{N(o.Lower)} to {N(o.Upper)}", o.P.ToString("0.###e0", CultureInfo.InvariantCulture));
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
