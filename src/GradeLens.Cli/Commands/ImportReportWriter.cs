using System.Globalization;
using System.Text.Json;
using GradeLens.Core.Import;
using Spectre.Console;

namespace GradeLens.Cli.Commands;

/// <summary>Prints an import report: the health of each table, its mapping, rejected rows and the outcome.</summary>
public static class ImportReportWriter
{
    private const int RejectsOnScreen = 20;

    public static void Write(ImportReport report, string? format)
    {
        if (format == OutputFormat.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, OutputFormat.JsonOptions));
            if (!report.Succeeded)
            {
                Console.Error.WriteLine("gradelens: " + report.Message);
            }

            return;
        }

        foreach (var table in report.Tables)
        {
            WriteTable(table);
        }

        if (report.RejectedTotal > 0)
        {
            AnsiConsole.MarkupLine($"[bold]Rejected rows[/] ({report.RejectedTotal.ToString("N0", CultureInfo.InvariantCulture)}):");
            foreach (var row in report.Rejected.Take(RejectsOnScreen))
            {
                AnsiConsole.WriteLine("  " + row);
            }

            if (report.Rejected.Count > RejectsOnScreen || report.RejectedTotal > report.Rejected.Count)
            {
                AnsiConsole.WriteLine($"  ... and more: use --format json for the first {report.Rejected.Count}, or --skip-bad-rows to write them all to a reject file.");
            }
        }

        if (report.Written.ChangesTotal > 0)
        {
            AnsiConsole.MarkupLine($"[bold]{(report.Succeeded ? "Changed" : "Would change")}[/] ({report.Written.ChangesTotal.ToString("N0", CultureInfo.InvariantCulture)} stored values):");
            foreach (var change in report.Written.Changes.Take(RejectsOnScreen))
            {
                AnsiConsole.WriteLine("  " + change);
            }

            if (report.Written.ChangesTotal > RejectsOnScreen)
            {
                AnsiConsole.WriteLine($"  ... and more: use --format json for the first {report.Written.Changes.Count}.");
            }
        }

        if (report.Succeeded)
        {
            AnsiConsole.WriteLine(report.Message + $" ({report.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} s)");
        }
        else
        {
            Console.Error.WriteLine("gradelens: " + report.Message);
        }
    }

    private static void WriteTable(TableHealth table)
    {
        var encoding = table.Encoding == "xlsx" ? "" : table.Encoding + ", ";
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(table.File)}[/]: {Markup.Escape(encoding + table.Format)}, {Markup.Escape(table.Shape)}");
        var series = table.Series.Count > 0 ? List(table.Series) : table.DefaultSeries is { } filed ? $"none in the file (filed under '{filed}')" : "none";
        AnsiConsole.WriteLine($"  {table.Rows:N0} rows, {table.Students:N0} students; subjects: {List(table.Subjects)}; series: {series}");
        var grid = new Table().Border(TableBorder.Simple)
            .AddColumns("column", "role", "target", "matched by", "missing", "distinct", "scale", "out of scale", "zeros", "min", "max");
        var matchedBy = table.Mapping.Columns.ToDictionary(c => c.Header, c => (c.MatchedBy ?? "") + (c.Confidence is { } sure and not Core.Import.Mapping.Confidence.High ? $" ({sure.ToString().ToLowerInvariant()})" : ""), StringComparer.Ordinal);
        foreach (var c in table.Columns)
        {
            grid.AddRow(Markup.Escape(c.Header), c.Role.ToString(), Markup.Escape(c.Target ?? ""), Markup.Escape(matchedBy.GetValueOrDefault(c.Header, "")),
                c.Missing.ToString("N0", CultureInfo.InvariantCulture), (c.DistinctIsApproximate ? "about " : "") + c.Distinct.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(c.Scale ?? ""),
                c.OutOfScale.ToString("N0", CultureInfo.InvariantCulture), c.Zeros.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(c.Minimum ?? ""), Markup.Escape(c.Maximum ?? ""));
        }

        AnsiConsole.Write(grid);
        if (table.UnmappedColumns.Count > 0)
        {
            AnsiConsole.WriteLine("  Unmapped (not stored): " + string.Join(", ", table.UnmappedColumns));
        }

        foreach (var note in table.Notes)
        {
            AnsiConsole.WriteLine("  - " + note);
        }

        AnsiConsole.WriteLine();
    }

    private static string List(IReadOnlyList<string> values) =>
        values.Count == 0 ? "none" : values.Count <= 8 ? string.Join(", ", values) : string.Join(", ", values.Take(8)) + $" (+{values.Count - 8} more)";
}
