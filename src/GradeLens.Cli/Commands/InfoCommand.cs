using System.CommandLine;
using System.Text.Json;
using GradeLens.Core.Storage;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens info</c>: counts per table and the cohort's shape. The JSON is stable for scripts.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var format = OutputFormat.Option();
        var command = new Command("info", "Show what the store holds: rows per table, students, subjects, series, schema version.") { store, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            var info = await opened.GetInfoAsync(Scope.Everything, cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(info, OutputFormat.JsonOptions));
                return ExitCodes.Success;
            }

            AnsiConsole.WriteLine($"Store {info.Location} (schema version {info.SchemaVersion})");
            AnsiConsole.WriteLine($"{info.Students:N0} students in {info.Schools:N0} schools and {info.Regions:N0} regions");
            AnsiConsole.WriteLine("Subjects: " + (info.Subjects.Count == 0 ? "none" : string.Join(", ", info.Subjects)));
            AnsiConsole.WriteLine("Series: " + (info.Series.Count == 0 ? "none" : string.Join(", ", info.Series)));
            var table = new Table().Border(TableBorder.Simple).AddColumns("table", "rows");
            foreach (var (name, count) in info.TableCounts)
            {
                table.AddRow(name, count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
