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
        var by = new Option<string>("--by") { Description = "Compare the groups of this attribute: gender, or any imported attribute (lunch, ethnicity...).", DefaultValueFactory = _ => GapRequest.DefaultAttribute, HelpName = "ATTRIBUTE" };
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
            var aggregates = await opened.GetGroupAggregatesAsync(Scope.Everything, request, cancellationToken);
            if (!aggregates.Known)
            {
                await Console.Error.WriteLineAsync($"gradelens: {opened.Location} has no attribute '{request.Attribute}'; it has: {string.Join(", ", aggregates.Attributes)}.");
                return ExitCodes.BadInput;
            }

            var table = GapAnalysis.Compute(aggregates, request, GapAnalysis.MinimumCellSize(Scope.Everything, request));
            var text = parse.GetValue(format) == OutputFormat.Json
                ? JsonSerializer.Serialize(table, OutputFormat.JsonOptions) + "\n"
                : GapsCsv.Write(table);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), cancellationToken);
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

/// <summary>The equity table as CSV: one row per gap; a total's region, school or grade reads "(all)".</summary>
public static class GapsCsv
{
    public const string All = "(all)";

    public static readonly string[] Header =
    [
        "series", "subject", "domain", "region", "school", "grade_level", "attribute", "group", "comparison",
        "group_students", "comparison_students", "group_mean", "comparison_mean", "gap_points", "gap_lower", "gap_upper",
        "group_pct_below", "comparison_pct_below", "gap_pp", "t", "df", "p", "z", "p_below",
        "hedges_g", "hedges_g_lower", "hedges_g_upper", "q", "significant",
    ];

    public static string Write(GapTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder().AppendJoin(',', Header).Append('\n');
        foreach (var g in table.Gaps)
        {
            string[] fields =
            [
                g.Series, g.Subject, g.Domain, g.Region ?? All, g.School ?? All, g.GradeLevel ?? All, g.Attribute, g.Group, g.Comparison,
                Number(g.GroupStudents), Number(g.ComparisonStudents), Number(g.GroupMean), Number(g.ComparisonMean), Number(g.GapPoints), Number(g.GapLower), Number(g.GapUpper),
                Number(g.GroupPercentBelow), Number(g.ComparisonPercentBelow), Number(g.GapPercentagePoints),
                Number(g.T), Number(g.DegreesOfFreedom), Number(g.P), Number(g.Z), Number(g.PBelow),
                Number(g.HedgesG), Number(g.HedgesGLower), Number(g.HedgesGUpper), Number(g.Q), g.Significant ? "true" : "false",
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
