using System.CommandLine;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens restore FILE</c>: checks a backup, then replaces every table of the store with it in one transaction.</summary>
public static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A backup made by 'gradelens backup'." };
        var store = CommandLine.StoreOption();
        var yes = new Option<bool>("--yes") { Description = "Replace a store that holds data (without it, such a store is left alone)." };
        var command = new Command("restore", "Restore a backup: check it, then replace every table of the store with it (all or nothing).")
        {
            file, store, yes,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                // Checked before the store is opened, which would create an empty one.
                await Console.Error.WriteLineAsync($"gradelens: {path} does not exist.");
                return ExitCodes.BadInput;
            }

            return await BackupRun.RunAsync(parse.GetValue(store), "Restoring", async (backup, progress) =>
            {
                var report = await backup.RestoreAsync(path, parse.GetValue(yes), progress, cancellationToken);
                return (report.Succeeded, report.Message, report.Manifest);
            }, cancellationToken);
        });
        return command;
    }
}
