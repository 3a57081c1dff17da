using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace GradeLens.Core.Import.Reading;

/// <summary>
/// Reads an Excel workbook (.xlsx, .xls) sheet by sheet into temporary UTF-8 CSV files, one line per sheet row from the
/// header on, so a row's line in the CSV maps back to its row number in the sheet. The header is found below titles and
/// notes (<see cref="TableLocator"/>) or where the mapping says; merged cells are spread over every cell they cover; error
/// cells keep their text (#DIV/0!) so the checks report them by cell.
/// </summary>
internal static class WorkbookReader
{
    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<SourceTable> Open(string path, string display, string? sheet, TableLayout layout, string workFolder)
    {
        var tables = new List<SourceTable>();
        var names = new List<string>();
        var refusals = new List<string>();
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                names.Add(reader.Name);
                if (sheet is null || string.Equals(reader.Name, sheet.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    if (ReadSheet(reader, path, display, layout, refusals, workFolder) is { } table)
                    {
                        tables.Add(table);
                    }
                }
            }
            while (reader.NextResult());
        }
        catch (Exception e) when (e is not UnreadableFileException and not OutOfMemoryException)
        {
            foreach (var table in tables)
            {
                table.Dispose();
            }

            throw new UnreadableFileException($"{display} is not a readable Excel workbook (it may be damaged, truncated or password-protected).");
        }

        if (sheet is not null && !names.Contains(sheet.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException($"{display} has no sheet called '{sheet}'. Its sheets are: {string.Join(", ", names)}.");
        }

        if (tables.Count > 0)
        {
            // A junk sheet beside real ones (a cover, notes, a chart's data) is left out, and said so.
            tables[0] = tables[0] with { Notes = [.. tables[0].Notes, .. refusals.Select(r => "Sheet left out: " + r)] };
            return tables;
        }

        throw new UnreadableFileException(refusals.FirstOrDefault() ?? $"{display} has no sheet with a header row and data.");
    }

    private static SourceTable? ReadSheet(IExcelDataReader reader, string path, string display, TableLayout layout, List<string> refusals, string workFolder)
    {
        var errors = XlsxErrorCells.Read(path, reader.Name);
        var range = layout.Cells;
        var merged = new MergedCells(reader.MergeCells, range?.FirstColumn - 1 ?? 0);
        var rows = new List<List<string>>();
        while (rows.Count < TableLocator.SearchRows + 12 && reader.Read())
        {
            rows.Add(merged.Fill(Row(reader, rows.Count + 1, errors, range), rows.Count));
        }

        var start = TableLocator.Locate(rows, layout.HeaderIndex);
        if (start is null)
        {
            return null;
        }

        if (layout.HeaderIndex is null && HeaderCheck.Refusal($"{display} [{reader.Name}]", start.Cells) is { } refusal)
        {
            refusals.Add(refusal);
            return null;
        }

        var notes = new List<string>();
        var cells = start.Cells.ToList();
        while (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        var headers = HeaderNames.Clean(cells, notes);
        if (HeaderCheck.TooWide($"{display} [{reader.Name}]", headers.Count) is { } wide)
        {
            refusals.Add(wide);
            return null;
        }

        var target = Path.Combine(workFolder, "gradelens-" + Guid.NewGuid().ToString("N") + ".csv");
        var dataRows = 0;
        using (var writer = new StreamWriter(target, append: false, new UTF8Encoding(false)))
        {
            writer.Write(string.Join(',', headers.Select(CsvLine.Quote)) + "\n");
            void Write(List<string> values)
            {
                var fields = values.Take(headers.Count).Concat(Enumerable.Repeat("", Math.Max(0, headers.Count - values.Count)));
                dataRows += values.Any(v => !string.IsNullOrWhiteSpace(v)) ? 1 : 0;
                writer.Write(string.Join(',', fields.Select(CsvLine.Quote)) + "\n");
            }

            var rowNumber = start.HeaderIndex + 1;
            foreach (var row in rows.Skip(start.HeaderIndex + 1))
            {
                if (++rowNumber > (range?.LastRow ?? int.MaxValue))
                {
                    break;
                }

                Write(row);
            }

            while (rowNumber < (range?.LastRow ?? int.MaxValue) && reader.Read())
            {
                rowNumber++;
                Write(merged.Fill(Row(reader, rowNumber, errors, range), rowNumber - 1));
            }
        }

        if (dataRows == 0)
        {
            File.Delete(target);
            return null;
        }

        var headerRow = start.HeaderIndex + 1;
        notes.Insert(0, $"Excel sheet '{reader.Name}', {start.Found}; {headers.Count} columns.");
        if (start.FirstHeaderIndex > 0 && rows.Take(start.FirstHeaderIndex).FirstOrDefault(r => r.Any(c => c.Length > 0)) is { } title)
        {
            notes.Insert(1, $"The table starts on row {start.FirstHeaderIndex + 1}: the rows above it (a title or notes: '{Shorten(string.Join(" ", title.Where(c => c.Length > 0).Distinct()))}') were skipped.");
        }

        if (errors.Count > 0)
        {
            notes.Add($"{errors.Count} cell(s) hold an Excel error (such as {errors.Values.First()}); each is reported where it is.");
        }

        var format = path.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) ? "Excel workbook (.xls)" : "Excel workbook (.xlsx)";
        return new SourceTable($"{display} [{reader.Name}]", path, target, ',', headers, "xlsx", headerRow + 1, reader.Name, true, notes)
        {
            Format = $"{format}, sheet '{reader.Name}'",
            HeaderLine = headerRow,
        };
    }

    private static List<string> Row(IExcelDataReader reader, int rowNumber, IReadOnlyDictionary<(int Row, int Column), string> errors, (int FirstColumn, int FirstRow, int LastColumn, int? LastRow)? range)
    {
        var first = range?.FirstColumn - 1 ?? 0;
        var last = Math.Min(reader.FieldCount, range?.LastColumn ?? reader.FieldCount);
        var values = new List<string>(Math.Max(0, last - first));
        for (var i = first; i < last; i++)
        {
            var value = Format(reader.GetValue(i));
            values.Add(errors.TryGetValue((rowNumber, i), out var error) ? error : value);
        }

        return values;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Format(object? value) => value switch
    {
        null or DBNull => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>A sheet's merged ranges: the value of each range's first cell, spread over every empty cell it covers.</summary>
internal sealed class MergedCells(CellRange[]? ranges, int firstColumn)
{
    private readonly Dictionary<CellRange, string> _values = [];

    /// <summary>Fills <paramref name="row"/> (0-based row <paramref name="index"/> of the sheet, columns from the range's first) in place.</summary>
    public List<string> Fill(List<string> row, int index)
    {
        foreach (var range in ranges ?? [])
        {
            if (index < range.FromRow || index > range.ToRow)
            {
                continue;
            }

            var from = range.FromColumn - firstColumn;
            if (index == range.FromRow && from >= 0 && from < row.Count)
            {
                _values[range] = row[from];
            }

            if (!_values.TryGetValue(range, out var value) || value.Length == 0)
            {
                continue;
            }

            for (var c = Math.Max(0, from); c <= range.ToColumn - firstColumn && c < row.Count; c++)
            {
                row[c] = row[c].Length == 0 ? value : row[c];
            }
        }

        return row;
    }
}
