using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace GradeLens.Core.Import.Reading;

/// <summary>
/// Reads an Excel workbook (.xlsx, .xls) sheet by sheet into temporary UTF-8 CSV files, one line per sheet row
/// from the header on, so a row's line in the CSV maps back to its row number in the sheet.
/// </summary>
internal static class WorkbookReader
{
    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<SourceTable> Open(string path, string display, string? sheet)
    {
        var tables = new List<SourceTable>();
        var names = new List<string>();
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                names.Add(reader.Name);
                if (sheet is null || string.Equals(reader.Name, sheet.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    if (ReadSheet(reader, path, display) is { } table)
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

        return tables.Count > 0 ? tables : throw new UnreadableFileException($"{display} has no sheet with a header row and data.");
    }

    private static SourceTable? ReadSheet(IExcelDataReader reader, string path, string display)
    {
        var rowNumber = 0;
        IReadOnlyList<string>? headers = null;
        var headerRow = 0;
        var target = Path.Combine(Path.GetTempPath(), "gradelens-" + Guid.NewGuid().ToString("N") + ".csv");
        var dataRows = 0;
        var notes = new List<string>();
        using (var writer = new StreamWriter(target, append: false, new UTF8Encoding(false)))
        {
            while (reader.Read())
            {
                rowNumber++;
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => Format(reader.GetValue(i))).ToList();
                if (headers is null)
                {
                    if (values.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    while (values.Count > 0 && string.IsNullOrWhiteSpace(values[^1]))
                    {
                        values.RemoveAt(values.Count - 1);
                    }

                    headers = HeaderNames.Clean(values, notes);
                    headerRow = rowNumber;
                    writer.Write(string.Join(',', headers.Select(CsvLine.Quote)) + "\n");
                    continue;
                }

                var fields = values.Take(headers.Count).Concat(Enumerable.Repeat("", Math.Max(0, headers.Count - values.Count)));
                dataRows += values.Any(v => !string.IsNullOrWhiteSpace(v)) ? 1 : 0;
                writer.Write(string.Join(',', fields.Select(CsvLine.Quote)) + "\n");
            }
        }

        if (headers is null || dataRows == 0)
        {
            File.Delete(target);
            return null;
        }

        notes.Insert(0, $"Excel sheet '{reader.Name}', header on row {headerRow}; {headers.Count} columns.");
        return new SourceTable($"{display} [{reader.Name}]", path, target, ',', headers, "xlsx", headerRow + 1, reader.Name, true, notes);
    }

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
