using System.CommandLine;
using System.Text.Json;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens import FILE...</c>: all-or-nothing import with a health report.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "CSV, TSV or .xlsx files to import.", Arity = ArgumentArity.OneOrMore };
        var store = CommandLine.StoreOption();
        var mapping = new Option<string?>("--mapping") { Description = "Use this saved mapping (JSON) instead of inferring one.", HelpName = "M" };
        var saveMapping = new Option<string?>("--save-mapping") { Description = "Save the mapping used to this file, to reuse with --mapping.", HelpName = "M" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the health report only; the store is not changed." };
        var skipBadRows = new Option<bool>("--skip-bad-rows") { Description = "Import the good rows and write the bad ones to a reject file." };
        var rejectFile = new Option<string?>("--reject-file") { Description = "Where skipped rows go (default: FILE.rejects.csv).", HelpName = "PATH" };
        var sheet = new Option<string?>("--sheet") { Description = "Only this sheet of an .xlsx workbook (default: every sheet).", HelpName = "NAME" };
        var organisation = new Option<string>("--organisation") { Description = "Organisation the rows belong to.", DefaultValueFactory = _ => ImportRequest.DefaultOrganisation };
        var allowChanges = new Option<bool>("--allow-changes") { Description = "Let the import change values already stored (each change is listed); without it, such an import is refused." };
        var cohort = new Option<string?>("--cohort") { Description = "Import the file as its own cohort: its series are named 'NAME: series' (for a file on another scale than the stored subject).", HelpName = "NAME" };
        var format = OutputFormat.Option();

        var command = new Command("import", "Import assessment or area files into the store (all-or-nothing), with a health report; 'import list' and 'import undo ID' show and take back imports.")
        {
            files, store, mapping, saveMapping, dryRun, skipBadRows, rejectFile, sheet, organisation, allowChanges, cohort, format,
            ImportUndoCommand.List(), ImportUndoCommand.Undo(),
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ImportMapping? loaded = null;
            if (parse.GetValue(mapping) is { } mappingPath)
            {
                loaded = await LoadMappingAsync(mappingPath, cancellationToken);
                if (loaded is null)
                {
                    return ExitCodes.BadInput;
                }
            }

            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            var request = new ImportRequest(parse.GetValue(files)!, loaded, parse.GetValue(dryRun), parse.GetValue(skipBadRows),
                parse.GetValue(rejectFile), parse.GetValue(organisation)!, parse.GetValue(sheet),
                AllowChanges: parse.GetValue(allowChanges), Cohort: parse.GetValue(cohort), ImportedBy: "cli:" + Environment.UserName, Exclusive: true);
            var report = await ProgressDisplay.RunAsync(p => opened.ImportAsync(request, p, cancellationToken));
            var savePath = parse.GetValue(saveMapping);
            if (report.Question is not null && report.Tables.Count > 0)
            {
                // The import asks rather than guesses: the mapping to answer it in, ready to edit.
                savePath ??= Path.ChangeExtension(request.Files[0], ".mapping.json");
                report = report with { Message = $"{report.Message} The mapping to edit is {savePath}: import again with --mapping {savePath}." };
            }

            if (savePath is not null && report.Tables.Count > 0)
            {
                await File.WriteAllTextAsync(savePath, report.Tables[0].Mapping.ToJson(), cancellationToken);
            }

            ImportReportWriter.Write(report, parse.GetValue(format));
            return report.Succeeded ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }

    private static async Task<ImportMapping?> LoadMappingAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return ImportMapping.FromJson(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"gradelens: {path}: not a readable mapping file ({e.Message.Split('\n')[0]}).");
            return null;
        }
    }
}
