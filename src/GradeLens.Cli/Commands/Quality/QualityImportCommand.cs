using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Import;
using GradeLens.Core.Quality.Import;

namespace GradeLens.Cli.Commands.Quality;

/// <summary><c>gradelens quality import PATH...</c>: a university's own tables, all or nothing, for one organisation.</summary>
public static class QualityImportCommand
{
    private const int RejectsOnScreen = 20;

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "CSV, TSV or .xlsx files (a workbook: a sheet per table) or folders of them.", Arity = ArgumentArity.OneOrMore };
        var store = CommandLine.StoreOption();
        var organisation = new Option<string>("--organisation") { Description = "Whose tables these are: its quality tables are replaced.", DefaultValueFactory = _ => ImportRequest.DefaultOrganisation, HelpName = "O" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every table and row; the store is not changed." };
        var dateOrder = new Option<string?>("--date-order") { Description = "day-month or month-day for dates written with slashes (default: detected from the values).", HelpName = "ORDER" };
        dateOrder.AcceptOnlyFromAmong("day-month", "month-day");
        var format = OutputFormat.Option();
        var command = new Command("import", "Import a university's tables (programmes, modules, enrolments, assessments, grades, surveys, support visits...) all or nothing; every orphan is rejected with its file, line and column.")
        {
            paths, store, organisation, dryRun, dateOrder, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var missing = parse.GetValue(paths)!.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
            if (missing is not null)
            {
                await Console.Error.WriteLineAsync($"gradelens: {missing}: no such file or folder.");
                return ExitCodes.BadInput;
            }

            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            DateOrder? order = parse.GetValue(dateOrder) switch { "day-month" => DateOrder.DayMonth, "month-day" => DateOrder.MonthDay, _ => null };
            var report = await opened.ImportQualityAsync(parse.GetValue(paths)!, parse.GetValue(organisation)!, parse.GetValue(dryRun), order, cancellationToken);
            Write(report, parse.GetValue(format));
            return report.Succeeded ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }

    private static void Write(QualityImportReport report, string? format)
    {
        if (format == OutputFormat.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, OutputFormat.JsonOptions));
        }
        else
        {
            foreach (var table in report.Tables)
            {
                var where = table.Sheet is null ? table.File : $"{table.File} [{table.Sheet}]";
                Console.WriteLine(table.Table is null
                    ? $"{where}: not used"
                    : string.Create(CultureInfo.InvariantCulture, $"{where}: {table.Kind} -> {table.Table}, {table.Rows:N0} rows; {string.Join(", ", table.Columns.Select(c => $"{c.Key} <- '{c.Value}'"))}"));
                if (table.Unused.Count > 0)
                {
                    Console.WriteLine("  not used: " + string.Join(", ", table.Unused));
                }
            }

            foreach (var note in report.Notes)
            {
                Console.WriteLine("- " + note);
            }

            foreach (var problem in report.Problems)
            {
                Console.WriteLine("! " + problem);
            }

            foreach (var row in report.Rejected.Take(RejectsOnScreen))
            {
                Console.WriteLine("  " + row);
            }

            if (report.RejectedTotal > RejectsOnScreen)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... {report.RejectedTotal - RejectsOnScreen:N0} more rejected rows: --format json lists the first {report.Rejected.Count:N0}."));
            }

            if (report.Succeeded)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Message} ({report.Seconds:0.00} s)"));
            }
        }

        if (!report.Succeeded)
        {
            // One sentence naming the first file, line and column (the report's message carries it).
            Console.Error.WriteLine("gradelens: " + report.Message);
        }
    }
}
