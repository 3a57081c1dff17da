using GradeLens.Core;
using System.Globalization;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Backup;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary>What backup and restore share: open the store, run with progress, print the message and the manifest's tables.</summary>
internal static class BackupRun
{
    public static async Task<int> RunAsync(
        string? storeOption, string title,
        Func<IStoreBackup, IProgress<StageProgress>, Task<(bool Succeeded, string Message, BackupManifest? Manifest)>> run,
        CancellationToken cancellationToken)
    {
        await using var opened = await CommandLine.OpenStoreAsync(storeOption, cancellationToken);
        if (opened is null)
        {
            return ExitCodes.BadInput;
        }

        if (opened is not IStoreBackup backup)
        {
            await Console.Error.WriteLineAsync($"gradelens: {opened.Location} cannot be backed up or restored by this version of GradeLens.");
            return ExitCodes.BadInput;
        }

        var (succeeded, message, manifest) = await ProgressDisplay.RunAsync(p => run(backup, p), title);
        if (!succeeded)
        {
            await Console.Error.WriteLineAsync("gradelens: " + message);
            return ExitCodes.BadInput;
        }

        AnsiConsole.WriteLine(message);
        var table = new Table().Border(TableBorder.Simple).AddColumns("table", "rows", "checksum");
        foreach (var t in manifest!.Tables)
        {
            table.AddRow(t.Table, t.Rows.ToString("N0", CultureInfo.InvariantCulture), t.Checksum);
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
