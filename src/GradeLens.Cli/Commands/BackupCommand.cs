using System.CommandLine;
using System.Globalization;
using GradeLens.Core.Storage.Backup;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens backup --out FILE</c>: every table of the store into one DuckDB file with a checksummed manifest.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var output = new Option<string>("--out") { Description = "The backup file to write (a DuckDB file).", HelpName = "FILE", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var command = new Command("backup", "Back up every table of the store into one file (the store stays usable; restore it with 'gradelens restore').")
        {
            store, output, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(output)!;
            var overwrite = parse.GetValue(force);
            if (!overwrite && File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"gradelens: {file} already exists; choose another --out or replace it with --force.");
                return ExitCodes.BadInput;
            }

            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            if (opened is not IStoreBackup backup)
            {
                await Console.Error.WriteLineAsync($"gradelens: {opened.Location} cannot be backed up by this version of GradeLens.");
                return ExitCodes.BadInput;
            }

            var report = await ImportProgressDisplay.RunAsync(p => backup.BackupAsync(file, overwrite, p, cancellationToken), "Backing up");
            if (!report.Succeeded)
            {
                await Console.Error.WriteLineAsync("gradelens: " + report.Message);
                return ExitCodes.BadInput;
            }

            AnsiConsole.WriteLine(report.Message);
            WriteTables(report.Manifest!.Tables);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Rows and checksum per table, as the manifest records them.</summary>
    public static void WriteTables(IReadOnlyList<TableChecksum> tables)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("table", "rows", "checksum");
        foreach (var t in tables)
        {
            table.AddRow(t.Table, t.Rows.ToString("N0", CultureInfo.InvariantCulture), t.Checksum);
        }

        AnsiConsole.Write(table);
    }
}
