using System.CommandLine;
using System.Globalization;
using System.Text;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands.Quality;

/// <summary>The options every <c>gradelens quality</c> KPI command shares: the store, the filters, the rules, the format and the output file.</summary>
public sealed class QualityArguments
{
    public const string Csv = "csv";

    private readonly Option<string?> _store = CommandLine.StoreOption();
    private readonly Option<string?> _organisation = new("--organisation") { Description = "Only this organisation's tables (default: every organisation in the store).", HelpName = "O" };
    private readonly Option<string?> _faculty = new("--faculty") { Description = "Only this faculty's programmes, e.g. --faculty Health.", HelpName = "NAME" };
    private readonly Option<string?> _programme = new("--programme") { Description = "Only this programme (its id or name), e.g. --programme Medicine.", HelpName = "P" };
    private readonly Option<string?> _term = new("--term") { Description = "Only this term, e.g. --term 2025-Spring.", HelpName = "TERM" };
    private readonly Option<double?> _passMark = new("--pass-mark") { Description = "A module mark at or above this passes (default 50).", HelpName = "MARK" };
    private readonly Option<bool> _weighted = new("--weighted") { Description = "Weight a module mark by the assessments' weights (default: the plain mean, as the study)." };
    private readonly Option<bool> _missingZero = new("--missing-as-zero") { Description = "Count an assessment without a mark as 0 (default: left out, as the study)." };
    private readonly Option<int?> _minimum = new("--minimum") { Description = "Fewest students (or responses) a rate is shown for; under it, \"low\" (default 23).", HelpName = "N" };
    private readonly Option<bool> _release = new("--release") { Description = "Round every published count to the nearest 5, for release." };
    private readonly Option<int?> _policy = new("--policy-days") { Description = "Feedback is on time within this many working days (default 20).", HelpName = "DAYS" };
    private readonly Option<double?> _riskRate = new("--at-risk-pass-rate") { Description = "At risk under this pass rate, 0..1 (default 0.70).", HelpName = "RATE" };
    private readonly Option<double?> _riskSurvey = new("--at-risk-survey") { Description = "At risk under this mean survey score, 1..5 (default 3.5).", HelpName = "SCORE" };
    private readonly Option<string> _format = new("--format") { Description = "text, json or csv (csv: the study's file, then interval and suppression columns).", DefaultValueFactory = _ => OutputFormat.Text, HelpName = "text|json|csv" };
    private readonly Option<string?> _output = new("--out") { Description = "Write to this file instead of the console.", HelpName = "FILE" };

    public QualityArguments() => _format.AcceptOnlyFromAmong(OutputFormat.Text, OutputFormat.Json, Csv);

    public IEnumerable<Option> All => [_store, _organisation, _faculty, _programme, _term, _passMark, _weighted, _missingZero, _minimum, _release, _policy, _riskRate, _riskSurvey, _format, _output];

    public string Format(ParseResult parse) => parse.GetValue(_format)!;

    public Scope Scope(ParseResult parse) => parse.GetValue(_organisation) is { } organisation ? Core.Storage.Scope.ForOrganisation(organisation) : Core.Storage.Scope.Everything;

    public QualityFilter Filter(ParseResult parse) => new(parse.GetValue(_faculty), parse.GetValue(_programme), parse.GetValue(_term));

    /// <summary>The rules asked for, or a one-line problem naming the option.</summary>
    public (QualityOptions? Options, string? Problem) Options(ParseResult parse)
    {
        var defaults = QualityOptions.Default;
        var problem = parse.GetValue(_passMark) is < 0 or > 100 ? "--pass-mark must be between 0 and 100."
            : parse.GetValue(_minimum) is < 1 ? "--minimum must be at least 1."
            : parse.GetValue(_policy) is < 1 or > 100 ? "--policy-days must be between 1 and 100."
            : parse.GetValue(_riskRate) is < 0 or > 1 ? "--at-risk-pass-rate must be between 0 and 1 (0.7 is 70%)."
            : parse.GetValue(_riskSurvey) is < 1 or > 5 ? "--at-risk-survey must be between 1 and 5."
            : null;
        if (problem is not null)
        {
            return (null, problem);
        }

        return (defaults with
        {
            Marks = new MarkRule(parse.GetValue(_passMark) ?? defaults.Marks.PassMark, parse.GetValue(_weighted),
                parse.GetValue(_missingZero) ? MissingSubmission.CountedAsZero : MissingSubmission.LeftOut),
            Suppression = defaults.Suppression with { Minimum = parse.GetValue(_minimum) ?? defaults.Suppression.Minimum, Release = parse.GetValue(_release) },
            PolicyWorkingDays = parse.GetValue(_policy) ?? defaults.PolicyWorkingDays,
            AtRisk = new AtRiskRule(parse.GetValue(_riskRate) ?? defaults.AtRisk.PassRate, parse.GetValue(_riskSurvey) ?? defaults.AtRisk.SurveyMean),
        }, null);
    }

    /// <summary>Opens the store and checks the filter names something there; null (after one line on stderr) when it cannot.</summary>
    public async Task<IGradeStore?> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var store = await CommandLine.OpenStoreAsync(parse.GetValue(_store), cancellationToken);
        if (store is null)
        {
            return null;
        }

        var choices = await store.GetQualityChoicesAsync(Scope(parse), cancellationToken);
        var problem = !choices.HasData
            ? $"{store.Location} holds no university quality data{(parse.GetValue(_organisation) is { } o ? $" for '{o}'" : "")}: import the tables first ('gradelens quality import FOLDER')."
            : choices.Refusal(Filter(parse)) is { } refusal ? $"--{refusal.Field}: {refusal.Problem}" : null;
        if (problem is null)
        {
            return store;
        }

        await Console.Error.WriteLineAsync("gradelens: " + problem);
        await store.DisposeAsync();
        return null;
    }

    /// <summary>Writes the text to --out (UTF-8 without a byte-order mark: json.load and csv readers take it as it is) or the console.</summary>
    public async Task WriteAsync(ParseResult parse, string text, CancellationToken cancellationToken)
    {
        if (parse.GetValue(_output) is { } path)
        {
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            return;
        }

        Console.Out.Write(text);
    }

    /// <summary>A yyyy-mm-dd date option's value, today when absent; null (after a line on stderr) when unreadable.</summary>
    public static async Task<DateOnly?> DateAsync(string? text, string option)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(DateTime.Today);
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        await Console.Error.WriteLineAsync($"gradelens: {option} '{text}' is not a date: write it as yyyy-mm-dd.");
        return null;
    }
}
