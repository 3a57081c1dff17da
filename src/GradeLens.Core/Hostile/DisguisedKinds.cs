using System.IO.Compression;
using System.Text;
using static GradeLens.Core.Hostile.HostileOutcomes;

namespace GradeLens.Core.Hostile;

/// <summary>Kinds that are not a table at all: empty, blank, prose, markup, JSON, binary formats under a spreadsheet's name.</summary>
internal static class DisguisedKinds
{
    public static IEnumerable<HostileFileKind> All()
    {
        yield return Text("empty-file", "an empty file.", _ => "");
        yield return Text("whitespace-only", "spaces and tabs only.", _ => "   \t  \n \t\n   ");
        yield return Text("line-ends-only", "line ends only.", _ => "\n\r\n\n\n\r\n");
        yield return Text("delimiters-only", "commas and line ends only.", _ => ",,,,\n,,,,\n,,,,\n");
        yield return Text("quotes-only", "a file of quote characters.", _ => new string('"', 301));
        yield return Text("single-cell", "one word and nothing else.", _ => "student_id");
        yield return Text("single-column-of-ids", "a list of ids and nothing else.", r => "student_id\n" + string.Concat(HostileRows.Good(r).Select(x => x[0] + "\n")));
        yield return new HostileFileKind("bom-only", "A byte order mark and nothing else.", Refused, ".csv", _ => [0xEF, 0xBB, 0xBF]);
        yield return Text("bom-then-line-ends", "a byte order mark followed by blank lines.", _ => "\uFEFF\n\n\n");
        yield return Text("prose-letter", "a letter to parents saved as a spreadsheet.", _ =>
            "Dear parents and carers,\nThe mock results will be sent home next week.\nPlease contact the office with any questions.\nKind regards,\nThe Head\n", ".txt");
        yield return Text("prose-with-commas", "prose whose sentences are full of commas.", _ =>
            "Well, the results, as you know, are late.\nWe hope, however, to send them soon, perhaps Friday.\nThanks, as ever, for your patience, everyone.\n");
        yield return Text("html-table", "an HTML table saved as .csv.", r =>
            "<html><body><table>\n<tr><th>student_id</th><th>math score</th></tr>\n" + string.Concat(HostileRows.Good(r).Select(x => $"<tr><td>{x[0]}</td><td>{x[3]}</td></tr>\n")) + "</table></body></html>\n");
        yield return Text("html-page-with-script", "a web page with a script saved as .csv.", _ =>
            "<!DOCTYPE html>\n<html><head><title>Results</title><script>fetch('/api/admin/users',{method:'DELETE'})</script></head>\n<body><p>Results, term 1</p></body></html>\n");
        yield return Text("json-array", "a JSON array of records saved as .csv.", r =>
            "[\n" + string.Join(",\n", HostileRows.Good(r).Select(x => $"  {{\"student_id\": \"{x[0]}\", \"math score\": {x[3]}}}")) + "\n]\n");
        yield return Text("json-lines", "one JSON object per line saved as .csv.", r => string.Concat(HostileRows.Good(r).Select(x => $"{{\"student_id\":\"{x[0]}\",\"gender\":\"{x[1]}\",\"math score\":{x[3]}}}\n")));
        yield return Text("xml-document", "an XML document saved as .csv.", r =>
            "<?xml version=\"1.0\"?>\n<results>\n" + string.Concat(HostileRows.Good(r).Select(x => $"  <pupil id=\"{x[0]}\" maths=\"{x[3]}\"/>\n")) + "</results>\n");
        yield return Text("markdown-table", "a Markdown table with its ruler row.", r =>
            "| student_id | gender | math score |\n|---|---|---|\n" + string.Concat(HostileRows.Good(r).Select(x => $"| {x[0]} | {x[1]} | {x[3]} |\n")), allowed: NotImported | Imported);
        yield return Text("sql-dump", "a SQL dump saved as .csv.", r =>
            "INSERT INTO results (student_id, score) VALUES\n" + string.Join(",\n", HostileRows.Good(r).Select(x => $"('{x[0]}', {x[3]})")) + ";\n");
        yield return Text("log-file", "a server log saved as .csv.", _ =>
            "2024-03-04 10:00:01,123 INFO Started, pid=4242\n2024-03-04 10:00:02,456 WARN Disk at 91%, retrying\n2024-03-04 10:00:03,789 ERROR Timeout, giving up\n");
        yield return Text("yaml-document", "a YAML document saved as .csv.", _ => "pupils:\n  - id: H1\n    maths: 55\n  - id: H2\n    maths: 61\n");
        yield return Text("random-printable", "random printable characters, commas and line ends.", r =>
        {
            var text = new StringBuilder();
            const string Alphabet = "abcdefghij KLMNOP 0123456789,,;;\"'\n!?#%&";
            for (var i = 0; i < 3000; i++)
            {
                text.Append(Alphabet[r.Next(Alphabet.Length)]);
            }

            return text.ToString();
        }, allowed: NotImported);
        yield return Binary("binary-random", "4 KB of random bytes.", ".csv", r => Random(r, 4096));
        yield return Binary("binary-png", "a PNG image saved as .csv.", ".csv", r => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, .. Random(r, 512)]);
        yield return Binary("binary-pdf", "a PDF saved as .csv.", ".csv", r => [.. Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), .. Random(r, 512)]);
        yield return Binary("binary-elf", "a program (ELF) saved as .csv.", ".csv", r => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, .. Random(r, 1024)]);
        yield return Binary("gzip-of-csv", "a gzip-compressed CSV under a .csv name.", ".csv", r => Gzip(HostileRows.Utf8(HostileRows.Csv(HostileRows.Good(r)))));
        yield return Binary("zip-of-csv-as-xlsx", "a zip holding a CSV, named .xlsx.", ".xlsx", r => Zip(("results.csv", HostileRows.Utf8(HostileRows.Csv(HostileRows.Good(r))))));
        yield return Binary("zip-random-entries-as-xlsx", "a zip of random entries, named .xlsx.", ".xlsx", r => Zip(("a.bin", Random(r, 300)), ("xl/nothing.xml", Random(r, 200))));
        yield return Binary("zip-signature-then-junk", "a zip signature followed by random bytes.", ".xlsx", r => [0x50, 0x4B, 0x03, 0x04, .. Random(r, 2048)]);
        yield return Binary("ole-signature-then-junk", "an old Excel (OLE) signature followed by random bytes.", ".xls", r => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Random(r, 4096)]);
        yield return Binary("zip-empty-archive", "an empty zip archive named .xlsx.", ".xlsx", _ => Zip());
    }

    private static HostileFileKind Text(string name, string why, Func<Random, string> text, string extension = ".csv", HostileOutcomes allowed = NotImported) =>
        new(name, char.ToUpperInvariant(why[0]) + why[1..], allowed, extension, r => HostileRows.Utf8(text(r)));

    private static HostileFileKind Binary(string name, string why, string extension, Func<Random, byte[]> bytes) =>
        new(name, char.ToUpperInvariant(why[0]) + why[1..], NotImported, extension, bytes);

    internal static byte[] Random(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return memory.ToArray();
    }

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name);
                entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }
}
