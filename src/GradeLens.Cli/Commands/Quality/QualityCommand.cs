using System.CommandLine;
using System.Text.Json;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands.Quality;

/// <summary>
/// <c>gradelens quality kpis|turnaround|engagement|at-risk|import</c>: a university's KPIs (the Quality page's answers,
/// Core's <see cref="QualityReads"/>) as text, JSON or the study's CSV, and the import of its own tables.
/// </summary>
public static class QualityCommand
{
    public static Command Create() => new("quality", "A university's teaching-quality KPIs (pass rates with intervals, feedback turnaround, engagement, modules at risk) and the import of its tables.")
    {
        Kpis(), Turnaround(), Engagement(), AtRisk(), QualityImportCommand.Create(),
    };

    private static Command Kpis() => KpiCommand("kpis", "Pass rates per programme and term with Wilson 95% intervals (\"low\" under the minimum), and the changes between terms beyond chance.",
        [], async (store, arguments, parse, cancellationToken) =>
        {
            var (scope, filter, options) = (arguments.Scope(parse), arguments.Filter(parse), Options(arguments, parse));
            var rates = await store.GetPassRatesAsync(scope, filter, options, cancellationToken);
            var trends = await store.GetPassRateTrendsAsync(scope, filter, options, cancellationToken);
            await Console.Error.WriteLineAsync($"{rates.Programmes.Count} programme terms ({rates.Programmes.Count(p => p.PassRate.Suppressed)} low), {rates.Modules.Count} modules; {rates.Rule}.");
            return arguments.Format(parse) switch
            {
                OutputFormat.Json => Json(rates),
                QualityArguments.Csv => QualityReportFiles.PassRateCsv(rates),
                _ => QualityText.PassRates(rates, trends),
            };
        });

    private static Command Turnaround()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Age outstanding work to this day (yyyy-mm-dd; default today).", HelpName = "DATE" };
        var holidays = new Option<string?>("--holidays") { Description = "Edit the England and Wales bank holidays with a file: a yyyy-mm-dd per line adds a closure day, -yyyy-mm-dd removes one.", HelpName = "FILE" };
        return KpiCommand("turnaround", "Feedback turnaround per assessment in calendar and working days: the study's bins, % within the policy limit per programme and term, outstanding work.",
            [asOf, holidays], async (store, arguments, parse, cancellationToken) =>
            {
                if (await QualityArguments.DateAsync(parse.GetValue(asOf), "--as-of") is not { } day)
                {
                    return null;
                }

                var calendar = WorkingDayCalendar.EnglandAndWales;
                if (parse.GetValue(holidays) is { } file)
                {
                    try
                    {
                        calendar = calendar.WithFile(file);
                    }
                    catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                    {
                        await Console.Error.WriteLineAsync("gradelens: " + e.Message);
                        return null;
                    }
                }

                var (scope, filter, options) = (arguments.Scope(parse), arguments.Filter(parse), Options(arguments, parse));
                var answer = await store.GetTurnaroundAsync(scope, filter, day, calendar, options, cancellationToken);
                var view = TurnaroundView.Of(answer, options.Suppression);
                await Console.Error.WriteLineAsync($"{answer.Assessments.Count} assessments: {view.Returned} returned, {view.Outstanding} outstanding, {view.NotYetDue} not yet due (as of {day:yyyy-MM-dd}).");
                return arguments.Format(parse) switch
                {
                    OutputFormat.Json => Json(answer),
                    QualityArguments.Csv => QualityReportFiles.TurnaroundCsv(answer),
                    _ => QualityText.Turnaround(view),
                };
            });
    }

    private static Command Engagement() => KpiCommand("engagement", "The study's engagement index per programme and term, and % positive per survey theme and question with the response rate and its gate.",
        [], async (store, arguments, parse, cancellationToken) =>
        {
            var answer = await store.GetEngagementAsync(arguments.Scope(parse), arguments.Filter(parse), Options(arguments, parse), cancellationToken);
            await Console.Error.WriteLineAsync($"{answer.Programmes.Count} programme terms ({answer.Programmes.Count(p => p.Suppressed)} low), {answer.Surveys.Count} survey results.");
            return arguments.Format(parse) switch
            {
                OutputFormat.Json => Json(answer),
                QualityArguments.Csv => QualityReportFiles.EngagementCsv(answer),
                _ => QualityText.Engagement(answer),
            };
        });

    private static Command AtRisk() => KpiCommand("at-risk", "Modules at risk (pass rate under 70% and survey score under 3.5 by default) with the evidence of their intervals; csv and json list every module.",
        [], async (store, arguments, parse, cancellationToken) =>
        {
            var answer = await store.GetAtRiskModulesAsync(arguments.Scope(parse), arguments.Filter(parse), Options(arguments, parse), cancellationToken);
            await Console.Error.WriteLineAsync($"{answer.Modules.Count(m => m.AtRisk)} of {answer.Modules.Count} modules at risk; {answer.Modules.Count(m => m.Evidence == RiskEvidence.ClearlyBelow)} clearly below {answer.Rule.PassRate:P0}.");
            return arguments.Format(parse) switch
            {
                OutputFormat.Json => Json(answer),
                QualityArguments.Csv => QualityReportFiles.AtRiskCsv(answer),
                _ => QualityText.AtRisk(answer),
            };
        });

    /// <summary>A KPI command: the shared options plus its own; <paramref name="answer"/> gives the text to write, or null after saying why not.</summary>
    private static Command KpiCommand(string name, string description, Option[] own, Func<IGradeStore, QualityArguments, ParseResult, CancellationToken, Task<string?>> answer)
    {
        var arguments = new QualityArguments();
        var command = new Command(name, description);
        foreach (var option in arguments.All.Concat(own))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (arguments.Options(parse).Problem is { } problem)
            {
                await Console.Error.WriteLineAsync("gradelens: " + problem);
                return ExitCodes.Usage;
            }

            await using var store = await arguments.OpenAsync(parse, cancellationToken);
            if (store is null)
            {
                return ExitCodes.BadInput;
            }

            var text = await answer(store, arguments, parse, cancellationToken);
            if (text is null)
            {
                return ExitCodes.BadInput;
            }

            await arguments.WriteAsync(parse, text, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static QualityOptions Options(QualityArguments arguments, ParseResult parse) => arguments.Options(parse).Options!;

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, OutputFormat.JsonOptions) + "\n";
}
