using System.CommandLine;
using GradeLens.Core.Areas;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands.Areas;

/// <summary>
/// <c>gradelens areas correlations|models|residuals|predict</c>: the Areas page's figures from the store, through the
/// same entry points as the API (<see cref="AreaReads"/>, <see cref="AreaPredictionReads"/>), as text, JSON or CSV.
/// </summary>
public static class AreasCommand
{
    public static Command Create() => new("areas", "How far poverty, income and unemployment explain areas' average scores: correlations, the model comparison, residuals (beating the odds) and predictions.")
    {
        Correlations(), Models(), Residuals(), AreasPredictCommand.Create(),
    };

    private static Command Correlations()
    {
        var options = new AreasOptions();
        var ses = new Option<bool>("--ses") { Description = "Add the SES composite (first principal component of the study's measures) as one more measure." };
        var command = options.Command("correlations", "Every measure against every score: Pearson's r with its 95% CI and p, Benjamini-Hochberg q, Spearman's rho, n.");
        command.Add(ses);
        command.SetAction((parse, token) => options.RunAsync(parse, async (store, _) =>
            AreasOutput.Correlations(await store.GetAreaCorrelationsAsync(Scope.Everything, parse.GetValue(ses), token)), token));
        return command;
    }

    private static Command Models()
    {
        var options = new AreasOptions();
        var folds = new Option<int>("--folds") { Description = "Outer folds of the cross-validation grouped by area.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seeds the folds, the random split and the trees.", DefaultValueFactory = _ => new AreaComparisonOptions().Seed };
        var command = options.Command("models", "OLS, ridge, random forest and boosted trees scored by CV grouped by area, forward in time and the (optimistic) random split; the model chosen and why.");
        command.Add(folds);
        command.Add(seed);
        command.SetAction((parse, token) => options.RunAsync(parse, async (store, error) =>
        {
            if (parse.GetValue(folds) is < 2 or > 10)
            {
                return error("--folds must be between 2 and 10.");
            }

            var comparison = await store.GetAreaComparisonAsync(Scope.Everything, options: new AreaComparisonOptions(Folds: parse.GetValue(folds), Seed: parse.GetValue(seed)), cancellationToken: token);
            return AreasOutput.Models(comparison);
        }, token));
        return command;
    }

    private static Command Residuals()
    {
        var options = new AreasOptions();
        var score = new Option<string?>("--score") { Description = "Only this score (default: the study's four), e.g. \"Reading grade 8\".", HelpName = "SCORE" };
        var year = new Option<int?>("--year") { Description = "Only this year's area-years (persistence always counts every year)." };
        var command = options.Command("residuals", "Beating the odds: each area-year's score against its leave-area-out 95% prediction interval, and each area's persistence.");
        command.Add(score);
        command.Add(year);
        command.SetAction((parse, token) => options.RunAsync(parse, async (store, error) =>
        {
            var data = await store.GetAreaDataAsync(Scope.Everything, token);
            var scores = parse.GetValue(score) is { Length: > 0 } one ? [one] : AreaChoice.ModelScores(data.Panel);
            if (scores.FirstOrDefault(s => !data.Panel.ScoreNames.Contains(s)) is { } unknown)
            {
                return error($"--score: no scored area has '{unknown}'. The scores: {(data.Panel.ScoreNames.Count == 0 ? "none yet" : string.Join(", ", data.Panel.ScoreNames))}.");
            }

            var results = new List<BeatingTheOddsResult>();
            foreach (var s in scores)
            {
                results.Add(await store.GetBeatingTheOddsAsync(Scope.Everything, s, cancellationToken: token));
            }

            return AreasOutput.Residuals(results, parse.GetValue(year));
        }, token));
        return command;
    }
}
