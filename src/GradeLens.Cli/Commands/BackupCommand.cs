using System.CommandLine;

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

            return await BackupRun.RunAsync(parse.GetValue(store), "Backing up", async (backup, progress) =>
            {
                var report = await backup.BackupAsync(file, overwrite, progress, cancellationToken);
                return (report.Succeeded, report.Message, report.Manifest);
            }, cancellationToken);
        });
        return command;
    }
}
