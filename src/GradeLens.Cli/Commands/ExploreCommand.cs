using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GradeLens.Core.Explore;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens explore</c>: which groups of an attribute score higher, with tests and effect sizes (the Explore page's answer).</summary>
public static class ExploreCommand
{
    public const string Csv = "csv";

    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var score = new Option<string>("--score") { Description = "The subject whose scores to compare, e.g. --score Mathematics.", Required = true, HelpName = "SUBJECT" };
        var series = new Option<string?>("--series") { Description = "The series (default: the subject's series with the most students), e.g. --series Final.", HelpName = "NAME" };
        var domain = new Option<string?>("--domain") { Description = "One domain of the subject, e.g. --domain Reading.", HelpName = "NAME" };
        var by = new Option<string?>("--by") { Description = "Group the students by this attribute, e.g. --by \"parental level of education\"; without it, rank every attribute.", HelpName = "ATTRIBUTE" };
        var and = new Option<string?>("--and") { Description = "A second attribute for a table of means by both, e.g. --and lunch.", HelpName = "ATTRIBUTE" };
        var minimum = new Option<int?>("--min-n") { Description = $"Smallest group shown (default {Scope.DefaultMinimumCellSize}), e.g. --min-n 20.", HelpName = "N" };
        var format = new Option<string>("--format") { Description = "text, json or csv (csv: the groups, or the ranking without --by).", DefaultValueFactory = _ => OutputFormat.Text, HelpName = "text|json|csv" };
        format.AcceptOnlyFromAmong(OutputFormat.Text, OutputFormat.Json, Csv);
        var output = new Option<string?>("--out") { Description = "Write to this file instead of the console.", HelpName = "FILE" };
        var command = new Command("explore", "Compare a score across the groups of an attribute: means with intervals, ANOVA, Welch's ANOVA, Kruskal-Wallis, effect sizes, pairs and trend; or rank every attribute.")
        {
            store, score, series, domain, by, and, minimum, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(minimum) is < 1)
            {
                await Console.Error.WriteLineAsync("gradelens: --min-n must be at least 1.");
                return ExitCodes.Usage;
            }

            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            var choices = await opened.GetExploreChoicesAsync(Scope.Everything, cancellationToken);
            var subject = parse.GetValue(score)!.Trim();
            var chosen = choices.Scores.FirstOrDefault(s => string.Equals(s.Subject, subject, StringComparison.OrdinalIgnoreCase)
                && (parse.GetValue(series) is not { } name || string.Equals(s.Series, name.Trim(), StringComparison.OrdinalIgnoreCase))
                && string.Equals(s.Domain, parse.GetValue(domain)?.Trim() ?? "", StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                var known = string.Join(", ", choices.Scores.Select(s => $"{s.Subject} ({s.Series}{(s.Domain.Length > 0 ? ", " + s.Domain : "")})").Distinct().Take(20));
                await Console.Error.WriteLineAsync($"gradelens: {opened.Location} has no {subject} scores{(parse.GetValue(series) is { } s2 ? $" in '{s2}'" : "")}; it has: {known}.");
                return ExitCodes.BadInput;
            }

            var exploreScore = new ExploreScore(chosen.Subject, chosen.Series, chosen.Domain.Length == 0 ? null : chosen.Domain);
            string text;
            if (parse.GetValue(by) is { } attribute)
            {
                if (!choices.Attributes.Any(a => string.Equals(a.Name, attribute.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    await Console.Error.WriteLineAsync($"gradelens: {opened.Location} has no attribute '{attribute}' with 2 to {ExploreReads.MaximumLevels} values; it has: {string.Join(", ", choices.Attributes.Select(a => a.Name))}.");
                    return ExitCodes.BadInput;
                }

                var name = choices.Attributes.First(a => string.Equals(a.Name, attribute.Trim(), StringComparison.OrdinalIgnoreCase)).Name;
                var view = await opened.GetExploreAsync(Scope.Everything, new ExploreRequest(exploreScore, name, parse.GetValue(and), parse.GetValue(minimum)), cancellationToken);
                text = parse.GetValue(format) switch
                {
                    OutputFormat.Json => JsonSerializer.Serialize(view, OutputFormat.JsonOptions) + "\n",
                    Csv => ExploreCsv.Groups(view),
                    _ => ExploreText.View(view),
                };
            }
            else
            {
                var ranking = await opened.GetExploreRankingAsync(Scope.Everything, exploreScore, parse.GetValue(minimum), cancellationToken);
                text = parse.GetValue(format) switch
                {
                    OutputFormat.Json => JsonSerializer.Serialize(ranking, OutputFormat.JsonOptions) + "\n",
                    Csv => ExploreCsv.Ranking(ranking),
                    _ => ExploreText.Ranking(ranking),
                };
            }

            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            }
            else
            {
                Console.Out.Write(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The Explore answers as plain text for a terminal.</summary>
internal static class ExploreText
{
    public static string View(ExploreView view)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{view.Score.Subject} ({view.Score.Series}{(view.Score.Domain is { } d ? ", " + d : "")}) by {view.Attribute}{(view.Ordering.Ordered ? $" (ordered: {view.Ordering.Scale})" : "")}");
        foreach (var g in view.Groups)
        {
            text.AppendLine(c, $"  {g.Name,-32} n {g.Students,7:N0}  mean {g.Mean,8:0.00}  95% CI {Format(g.Lower)} to {Format(g.Upper)}  median {Format(g.Median)}");
        }

        var t = view.Tests;
        if (t.Anova is { } anova)
        {
            var interval = t.EffectSize is { } e ? string.Create(c, $" (95% CI of eta² {e.Lower:0.####} to {e.Upper:0.####})") : "";
            text.AppendLine(c, $"One-way ANOVA: F({anova.DegreesOfFreedomBetween}, {anova.DegreesOfFreedomWithin}) = {anova.F:0.###}, p = {anova.P:G3}; eta² = {anova.EtaSquared:0.####}, omega² = {anova.OmegaSquared:0.####}{interval}");
        }

        if (t.Welch is { } welch)
        {
            text.AppendLine(c, $"Welch's ANOVA: F({welch.DegreesOfFreedomBetween:0.##}, {welch.DegreesOfFreedomWithin:0.##}) = {welch.F:0.###}, p = {welch.P:G3}");
        }

        if (t.KruskalWallis is { } kw)
        {
            text.AppendLine(c, $"Kruskal-Wallis: H({kw.DegreesOfFreedom}) = {kw.H:0.###}, p = {kw.P:G3}");
        }

        if (view.Trend is { } trend)
        {
            text.AppendLine(c, $"Trend across the ordered levels: {trend.ChangePerLevel:+0.00;-0.00} points per level (95% CI {trend.Lower:0.00} to {trend.Upper:0.00}), p = {trend.P:G3}");
        }

        foreach (var note in t.Notes)
        {
            text.AppendLine(note);
        }

        if (view.SuppressedGroups > 0)
        {
            text.AppendLine(c, $"{view.SuppressedGroups} group(s) of fewer than {view.MinimumCellSize} students left out.");
        }

        return text.ToString();
    }

    public static string Ranking(ExploreRanking ranking)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder().AppendLine(c, $"What goes with {ranking.Score.Subject} ({ranking.Score.Series}), largest effect first (omega², 95% CI of eta², Welch p, BH q):");
        foreach (var a in ranking.Attributes)
        {
            var line = a.OmegaSquared is { } omega
                ? string.Create(c, $"  {a.Rank,2}. {a.Attribute,-32} omega² {omega,7:0.0000}  CI {Format(a.Lower, "0.0000")} to {Format(a.Upper, "0.0000")}  p {a.P:G3}  q {a.Q:G3}")
                : string.Create(c, $"      {a.Attribute,-32} {a.Reason}");
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Format(double? value, string format = "0.00") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
