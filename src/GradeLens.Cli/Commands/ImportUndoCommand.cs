using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Accounts;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens import undo ID</c> and <c>gradelens import list</c>: every import has an id, and the latest can be taken back.</summary>
public static class ImportUndoCommand
{
    public static Command Undo()
    {
        var id = new Argument<long>("ID") { Description = "The import's id (gradelens import list shows them)." };
        var store = CommandLine.StoreOption();
        var command = new Command("undo", "Take an import back: remove exactly what it added and set back what it changed, in one transaction (the latest import first).") { id, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            var actor = "cli:" + Environment.UserName;
            var report = await opened.UndoImportAsync(parse.GetValue(id), actor, cancellationToken);
            if (!report.Succeeded)
            {
                await Console.Error.WriteLineAsync("gradelens: " + report.Message);
                return ExitCodes.BadInput;
            }

            await opened.Accounts.AppendAuditAsync(new AuditEntry(DateTime.UtcNow, actor, "import undone", $"import {report.ImportId} ({report.Organisation}): {report.Removed} rows removed, {report.Restored} values restored", "command line"), cancellationToken);
            Console.WriteLine(report.Message);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command List()
    {
        var store = CommandLine.StoreOption();
        var format = OutputFormat.Option();
        var command = new Command("list", "List the store's imports, newest first: id, when, organisation, files, who, what they wrote, and whether undone.") { store, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            var imports = await opened.ListImportsAsync(Scope.Everything, cancellationToken: cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(imports, OutputFormat.JsonOptions));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("id", "imported", "organisation", "files", "by", "wrote", "undone");
            foreach (var entry in imports)
            {
                table.AddRow(entry.ImportId.ToString(CultureInfo.InvariantCulture), entry.ImportedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(entry.Organisation), Markup.Escape(entry.Files + (entry.Cohort is null ? "" : $" (cohort {entry.Cohort})")), Markup.Escape(entry.ImportedBy),
                    Markup.Escape(entry.Summary), entry.UndoneAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
