using System.CommandLine;
using GradeLens.Core.Areas;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands.Areas;

/// <summary>
/// <c>gradelens areas predict</c>: the four predicted scores with 95% prediction intervals, leverage and extrapolation
/// flags for given figures (what-if), for a county of a state, or for a ZIP code's county.
/// </summary>
public static class AreasPredictCommand
{
    public static Command Create()
    {
        var options = new AreasOptions();
        var poverty = new Option<string?>("--poverty") { Description = "What-if: poverty % (0-100).", HelpName = "PERCENT" };
        var income = new Option<string?>("--income") { Description = "What-if: median household income, in full (55000).", HelpName = "AMOUNT" };
        var unemployment = new Option<string?>("--unemployment") { Description = "What-if: unemployment % (0-100).", HelpName = "PERCENT" };
        var county = new Option<string?>("--county") { Description = "A county with figures in the store, with --state.", HelpName = "NAME" };
        var state = new Option<string?>("--state") { Description = "The county's state.", HelpName = "NAME" };
        var zip = new Option<string?>("--zip") { Description = "A ZIP code, as text (00501): its county's predictions.", HelpName = "CODE" };
        var command = options.Command("predict", "Predicted scores with 95% prediction intervals, leverage and extrapolation flags: for --poverty --income --unemployment, --county NAME --state NAME, or --zip CODE.");
        foreach (var option in new[] { poverty, income, unemployment, county, state, zip })
        {
            command.Add(option);
        }

        command.SetAction((parse, token) => options.RunAsync(parse, async (store, error) =>
        {
            var figures = new[] { parse.GetValue(poverty), parse.GetValue(income), parse.GetValue(unemployment) };
            var modes = (figures.Any(f => f is not null) ? 1 : 0) + (parse.GetValue(county) is not null || parse.GetValue(state) is not null ? 1 : 0) + (parse.GetValue(zip) is not null ? 1 : 0);
            if (modes != 1)
            {
                return error("give --poverty, --income and --unemployment; or --county and --state; or --zip.");
            }

            if (parse.GetValue(zip) is { } code)
            {
                return await ZipAsync(store, code, token);
            }

            if (parse.GetValue(county) is not null || parse.GetValue(state) is not null)
            {
                return parse.GetValue(county) is { Length: > 0 } name && parse.GetValue(state) is { Length: > 0 } parent
                    ? await CountyAsync(store, name, parent, token)
                    : error("--county and --state go together.");
            }

            return await WhatIfAsync(store, figures, token);
        }, token));
        return command;
    }

    private static async Task<AreasAnswer> WhatIfAsync(IGradeStore store, string?[] figures, CancellationToken token)
    {
        var check = WhatIfValidation.Check(figures[0], figures[1], figures[2]);
        if (!check.IsValid)
        {
            var flags = new Dictionary<string, string> { [WhatIfValidation.PovertyField] = "--poverty", [WhatIfValidation.IncomeField] = "--income", [WhatIfValidation.UnemploymentField] = "--unemployment" };
            return AreasAnswer.Refused(string.Join(" ", check.Errors.Select(e => $"{flags[e.Key]}: {string.Join(" ", e.Value)}")));
        }

        var answer = await store.PredictWhatIfAsync(Scope.Everything, check, token);
        if (answer.Result.Predictions is not { Count: > 0 } predictions)
        {
            return AreasAnswer.Refused(answer.Result.Note ?? "No score could be fitted on the store's areas.", ExitCodes.BadInput);
        }

        var title = $"What-if: poverty {figures[0]}%, median income {figures[1]}, unemployment {figures[2]}%";
        var nearest = answer.Result.Nearest ?? [];
        var near = nearest.Count == 0 ? "" : " Nearest real area-years: " + string.Join("; ", nearest.Select(n => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n.Area} {n.Year} ({n.Distance:0.00} SD)"))) + ".";
        return Add(AreasOutput.Predictions(answer, title, predictions, answer.Version, answer.Notes), near);
    }

    private static async Task<AreasAnswer> CountyAsync(IGradeStore store, string county, string state, CancellationToken token)
    {
        var counties = await store.GetSubAreaPredictionsAsync(Scope.Everything, cancellationToken: token);
        var match = counties.Areas.FirstOrDefault(a => Same(a.Area, county) && Same(a.ParentArea, state))
            ?? counties.Areas.FirstOrDefault(a => Same(a.Area, county + " County") && Same(a.ParentArea, state));
        return match is null
            ? AreasAnswer.Refused($"No county '{county}' in '{state}' has figures in {store.Location}.", ExitCodes.BadInput)
            : AreasOutput.Predictions(match, $"{match.Area}, {match.ParentArea} ({match.Year} figures)", match.Predictions, counties.Version, counties.Notes);
    }

    private static async Task<AreasAnswer> ZipAsync(IGradeStore store, string code, CancellationToken token)
    {
        var answer = await store.GetZipPredictionAsync(Scope.Everything, code, token);
        return answer.Prediction is { } prediction && answer.Version is { } version
            ? AreasOutput.Predictions(answer, answer.Message, prediction.Predictions, version, answer.Notes)
            : AreasAnswer.Refused(answer.Message, ExitCodes.BadInput);
    }

    private static AreasAnswer Add(AreasAnswer answer, string note) => answer with { Note = answer.Note + note };

    /// <summary>Names compared as people type them: case, spaces and punctuation aside.</summary>
    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && Key(a) == Key(b);

    private static string Key(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
