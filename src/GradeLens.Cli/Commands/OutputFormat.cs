using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GradeLens.Cli.Commands;

/// <summary>The <c>--format text|json</c> option and the JSON settings every command shares.</summary>
public static class OutputFormat
{
    public const string Text = "text";
    public const string Json = "json";

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Option<string> Option()
    {
        var option = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => Text, HelpName = "text|json" };
        option.AcceptOnlyFromAmong(Text, Json);
        return option;
    }
}
