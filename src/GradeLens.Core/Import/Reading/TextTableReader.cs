using System.Text;
using System.Text.RegularExpressions;

namespace GradeLens.Core.Import.Reading;

/// <summary>
/// Reads a delimited text file's shape from its first 64 KB: encoding, delimiter, headers and quirks.
/// A UTF-8 file is handed to DuckDB as it is; any other encoding is transcoded line for line to a temporary UTF-8 copy.
/// </summary>
internal static partial class TextTableReader
{
    private const int SampleBytes = 64 * 1024;

    public static SourceTable Open(string path, string display, ReadOnlySpan<byte> sample, long length, TableLayout layout, string workFolder)
    {
        var encoding = EncodingDetector.Detect(sample)
            ?? throw new UnreadableFileException($"{display} is not a text table: it looks like a binary file (an image, archive or program?). Save it as CSV or .xlsx and try again.");
        var text = encoding.Encoding.GetString(sample[encoding.BomLength..]);

        // Lines ended by a lone CR (old Mac files, or mixed with LF) are read as lines here and in the copy DuckDB reads,
        // whose CSV reader stops on a mixture.
        var loneReturns = text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\r', StringComparison.Ordinal);
        if (loneReturns)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        if (length > sample.Length)
        {
            text = text[..Math.Max(0, text.LastIndexOf('\n'))];
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.All(string.IsNullOrWhiteSpace))
        {
            throw new UnreadableFileException($"{display} is empty: there is no header row and no data.");
        }

        var delimiter = DelimiterSniffer.Sniff(lines);
        var range = layout.Cells;
        var rows = lines.Take(TableLocator.SearchRows + 12).Select(l => Slice(CsvLine.Split(l, delimiter), range)).ToList();
        var start = TableLocator.Locate(rows, layout.HeaderIndex)
            ?? throw new UnreadableFileException($"{display} has no header on line {(layout.HeaderIndex ?? 0) + 1}: that line is empty or beyond the first lines of the file.");
        if (layout.HeaderIndex is null && HeaderCheck.Refusal(display, start.Cells) is { } refusal)
        {
            throw new UnreadableFileException(refusal);
        }

        var headerLine = start.HeaderIndex;
        var notes = new List<string>();
        var headers = HeaderNames.Clean(start.Cells, notes);
        if (HeaderCheck.TooWide(display, headers.Count) is { } wide)
        {
            throw new UnreadableFileException(wide);
        }

        if (length < SampleBytes && lines.Skip(headerLine + 1).All(string.IsNullOrWhiteSpace))
        {
            throw new UnreadableFileException($"{display} has a header row but no data rows.");
        }

        notes.InsertRange(0, Quirks(encoding, delimiter, text, lines, headers.Count));
        if (start.FirstHeaderIndex > 0 && lines.Take(start.FirstHeaderIndex).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } title)
        {
            notes.Insert(0, $"The table starts on line {start.FirstHeaderIndex + 1} ({start.Found}): the lines above it (a title or notes: '{Shorten(title.Replace(delimiter, ' ').Trim())}') were skipped.");
        }

        var csvPath = encoding.IsUtf8 && headerLine == 0 && range is null && !loneReturns ? path : Transcode(path, encoding, headerLine, delimiter, range, workFolder);
        return new SourceTable(display, path, csvPath, delimiter, headers, encoding.Name, 2 + headerLine, null, csvPath != path, notes)
        {
            HeaderLine = headerLine + 1,
            ShortLastField = LastFieldIsShort(path, encoding, delimiter, lines, headerLine, range),
        };
    }

    /// <summary>The columns of a mapping's cell range (all when there is none).</summary>
    private static List<string> Slice(IReadOnlyList<string> fields, (int FirstColumn, int FirstRow, int LastColumn, int? LastRow)? range) =>
        range is { } r ? [.. fields.Skip(r.FirstColumn - 1).Take(r.LastColumn - r.FirstColumn + 1)] : [.. fields];

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>
    /// True when the file does not end with a line end and its last line's last field is shorter than that column's
    /// usual width in the first lines (a file cut inside its last number: "57" became "5").
    /// </summary>
    private static bool LastFieldIsShort(string path, DetectedEncoding encoding, char delimiter, IReadOnlyList<string> lines, int headerLine, (int FirstColumn, int FirstRow, int LastColumn, int? LastRow)? range)
    {
        if (encoding.Encoding.GetByteCount("a") != 1)
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        var tail = new byte[(int)Math.Min(stream.Length, 4096)];
        stream.Seek(-tail.Length, SeekOrigin.End);
        stream.ReadExactly(tail);
        if (tail.Length == 0 || tail[^1] is (byte)'\n' or (byte)'\r')
        {
            return false;
        }

        var last = encoding.Encoding.GetString(tail).Split('\n')[^1];
        var field = Slice(CsvLine.Split(last, delimiter), range).LastOrDefault()?.Trim() ?? "";
        var widths = lines.Skip(headerLine + 1).Where(l => l.Length > 0 && l != last)
            .Select(l => Slice(CsvLine.Split(l, delimiter), range).LastOrDefault()?.Trim().Length ?? 0).Where(w => w > 0).Order().ToList();
        return widths.Count > 0 && field.Length > 0 && field.Length < widths[widths.Count / 2];
    }

    private static IEnumerable<string> Quirks(DetectedEncoding encoding, char delimiter, string text, IReadOnlyList<string> lines, int columns)
    {
        if (encoding.BomLength > 0)
        {
            yield return $"{encoding.Name.Replace(" (BOM)", "", StringComparison.Ordinal)} with a byte-order mark.";
        }

        if (!encoding.IsUtf8)
        {
            yield return encoding.Name == "Windows-1256"
                ? "Encoding detected as Windows-1256 (Arabic); read and stored as Unicode."
                : $"Encoding detected as {encoding.Name}; read and stored as Unicode.";
        }

        yield return DelimiterSniffer.Describe(delimiter) + $", {columns} columns.";
        if (text.Contains("\r\n", StringComparison.Ordinal))
        {
            yield return "Windows line endings (CRLF).";
        }

        if (QuotedNumber().IsMatch(text))
        {
            yield return "Some numbers are quoted (\"72\"); they are read as numbers.";
        }

        var d = Regex.Escape(delimiter.ToString());
        if (lines.Skip(1).Any(l => Regex.IsMatch(l, $"(^|{d}) ({d}|$)")))
        {
            yield return "Some fields are a single space; they are treated as missing.";
        }
    }

    /// <summary>
    /// Copies the file as UTF-8 from its header line on, keeping every line break so line numbers still match; with a
    /// cell range, only its columns and rows.
    /// </summary>
    private static string Transcode(string path, DetectedEncoding encoding, int headerLine, char delimiter, (int FirstColumn, int FirstRow, int LastColumn, int? LastRow)? range, string workFolder)
    {
        var target = Path.Combine(workFolder, "gradelens-" + Guid.NewGuid().ToString("N") + ".csv");
        using var reader = new StreamReader(path, encoding.Encoding, detectEncodingFromByteOrderMarks: encoding.BomLength > 0);
        using var writer = new StreamWriter(target, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            if (line++ < headerLine)
            {
                continue;
            }

            if (range is { } r)
            {
                if (r.LastRow is { } lastRow && line > lastRow)
                {
                    break;
                }

                text = string.Join(delimiter, Slice(CsvLine.Split(text, delimiter), r).Select(f => CsvLine.Quote(f, delimiter)));
            }

            writer.Write(text);
            writer.Write('\n');
        }

        return target;
    }

    [GeneratedRegex("\"-?\\d+(\\.\\d+)?\"")]
    private static partial Regex QuotedNumber();
}

/// <summary>Makes header names usable: trimmed, blanks named "column N", duplicates numbered.</summary>
internal static class HeaderNames
{
    public static IReadOnlyList<string> Clean(IReadOnlyList<string> raw, List<string> notes)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var headers = new List<string>();
        for (var i = 0; i < raw.Count; i++)
        {
            var name = raw[i].Trim().Trim('\uFEFF').Trim();
            if (name.Length == 0)
            {
                name = $"column {i + 1}";
                notes.Add($"Column {i + 1} has no header; it is called '{name}'.");
            }

            if (seen.TryGetValue(name, out var count))
            {
                seen[name] = count + 1;
                notes.Add($"The header '{name}' appears more than once; the repeat is called '{name} ({count + 1})'.");
                name = $"{name} ({count + 1})";
            }
            else
            {
                seen[name] = 1;
            }

            headers.Add(name);
        }

        return headers;
    }
}
