using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GradeLens.Core.Gaps;
using GradeLens.Core.Storage;

namespace GradeLens.Cli.Commands;

/// <summary><c>gradelens gaps</c>: the Equity table (every gap with its tests, effect size and q-value) as CSV or JSON.</summary>
public static class GapsCommand
{
    public const string Csv = "csv";

    public static Command Create()
    {
        var store = CommandLine.StoreOption();
        var by = new Option<string>("--by") { Description = "Compare the groups of this attribute: gender, school, region, grade, or any imported attribute (lunch, ethnicity...).", DefaultValueFactory = _ => GapRequest.DefaultAttribute, HelpName = "ATTRIBUTE" };
        var within = new Option<string>("--within") { Description = "Cells by these, comma-separated: region, school, grade, subject, domain (every cell is one subject).", DefaultValueFactory = _ => "region,grade,subject", HelpName = "LIST" };
        var series = new Option<string?>("--series") { Description = "Only this series (default: each subject's latest).", HelpName = "NAME" };
        var subject = new Option<string?>("--subject") { Description = "Only this subject.", HelpName = "NAME" };
        var minimum = new Option<int?>("--min-n") { Description = $"Smallest group shown; smaller ones are suppressed, with complements (default {Scope.DefaultMinimumCellSize}).", HelpName = "N" };
        var format = new Option<string>("--format") { Description = "csv (the gaps) or json (the gaps and every cell's figures).", DefaultValueFactory = _ => Csv, HelpName = "csv|json" };
        format.AcceptOnlyFromAmong(Csv, OutputFormat.Json);
        var output = new Option<string?>("--out") { Description = "Write to this file instead of the console.", HelpName = "FILE" };
        var command = new Command("gaps", "Write the equity table: gaps between groups in every cell, with Welch and z tests, Hedges' g and Benjamini-Hochberg q-values.")
        {
            store, by, within, series, subject, minimum, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<GapDimension> dimensions;
            try
            {
                dimensions = GapRequest.ParseWithin(parse.GetValue(within));
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync("gradelens: --within: " + e.Message);
                return ExitCodes.Usage;
            }

            if (parse.GetValue(minimum) is < 1)
            {
                await Console.Error.WriteLineAsync("gradelens: --min-n must be at least 1.");
                return ExitCodes.Usage;
            }

            await using var opened = await CommandLine.OpenStoreAsync(parse.GetValue(store), cancellationToken);
            if (opened is null)
            {
                return ExitCodes.BadInput;
            }

            var request = new GapRequest(parse.GetValue(by)!, dimensions, parse.GetValue(series), parse.GetValue(subject), parse.GetValue(minimum));
            var answer = await opened.GetGapTableAsync(Scope.Everything, request, cancellationToken);
            if (answer.Table is not { } table)
            {
                await Console.Error.WriteLineAsync($"gradelens: {opened.Location}: {answer.Refusal}");
                return ExitCodes.BadInput;
            }

            if (answer.NotRecorded.Count > 0)
            {
                await Console.Error.WriteLineAsync($"gradelens: no student in {opened.Location} has a {string.Join(" or ", answer.NotRecorded)} recorded: the table has no cells by {string.Join(" or ", answer.NotRecorded)}.");
            }

            var text = parse.GetValue(format) == OutputFormat.Json
                ? JsonSerializer.Serialize(table, OutputFormat.JsonOptions) + "\n"
                : GapCsv.Write(table);
            if (parse.GetValue(output) is { } path)
            {
                // Machine-readable: UTF-8 without a byte-order mark (json.load and csv readers take it as it is).
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            }
            else
            {
                Console.Out.Write(text);
            }

            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{table.Gaps.Count:N0} gaps by {table.Attribute} in {table.Cells.Count - table.SuppressedCells:N0} cells, {table.Gaps.Count(g => g.Significant):N0} significant (q <= {table.Alpha}); " +
                $"{table.SuppressedCells:N0} cells and {table.SuppressedGroups:N0} groups suppressed (fewer than {table.MinimumCellSize} students, or to protect one that has)."));
            return ExitCodes.Success;
        });
        return command;
    }
}
