using System.CommandLine;
using System.Text;
using System.Text.Json;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands.Areas;

/// <summary>One areas command's answer in each format, the note it carries (on stderr), or a refusal with its exit code.</summary>
public sealed record AreasAnswer(object? Value, Func<string>? Text, Func<string>? Csv, string? Note, string? Error = null, int Exit = ExitCodes.Success)
{
    public static AreasAnswer Refused(string error, int exit = ExitCodes.Usage) => new(null, null, null, null, error, exit);
}

/// <summary>The options every <c>gradelens areas</c> command shares (--store, --format text|json|csv, --out) and how it runs.</summary>
public sealed class AreasOptions
{
    public const string Csv = "csv";

    private readonly Option<string?> _store = CommandLine.StoreOption();
    private readonly Option<string> _format;
    private readonly Option<string?> _out = new("--out") { Description = "Write to this file instead of the console.", HelpName = "FILE" };

    public AreasOptions()
    {
        _format = new Option<string>("--format") { Description = "text, json or csv.", DefaultValueFactory = _ => OutputFormat.Text, HelpName = "text|json|csv" };
        _format.AcceptOnlyFromAmong(OutputFormat.Text, OutputFormat.Json, Csv);
    }

    public Command Command(string name, string description) => new(name, description) { _store, _format, _out };

    /// <param name="answer">Computes the answer from the opened store; its second argument makes a usage refusal.</param>
    public async Task<int> RunAsync(ParseResult parse, Func<IGradeStore, Func<string, AreasAnswer>, Task<AreasAnswer>> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(answer);
        await using var store = await CommandLine.OpenStoreAsync(parse.GetValue(_store), cancellationToken);
        if (store is null)
        {
            return ExitCodes.BadInput;
        }

        var result = await answer(store, error => AreasAnswer.Refused(error));
        if (result.Error is not null)
        {
            await Console.Error.WriteLineAsync("gradelens: " + result.Error);
            return result.Exit;
        }

        var text = parse.GetValue(_format) switch
        {
            OutputFormat.Json => JsonSerializer.Serialize(result.Value, OutputFormat.JsonOptions) + "\n",
            Csv => result.Csv!(),
            _ => result.Text!(),
        };
        if (parse.GetValue(_out) is { } path)
        {
            // Machine-readable: UTF-8 without a byte-order mark.
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        }
        else
        {
            Console.Out.Write(text);
        }

        if (result.Note is { Length: > 0 } note)
        {
            await Console.Error.WriteLineAsync(note);
        }

        return result.Exit;
    }
}
