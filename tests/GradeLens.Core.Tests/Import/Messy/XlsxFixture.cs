using System.IO.Compression;
using System.Security;
using System.Text;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>
/// Writes a one-sheet .xlsx by hand (the parts Excel itself writes), so a test can have what the writing libraries do not
/// offer: merged cells, error cells (#DIV/0!), titles above the table. A cell "=ERR:#N/A" is an error cell.
/// </summary>
internal static class XlsxFixture
{
    public static void Write(string path, string sheet, IReadOnlyList<string?[]> rows, params string[] merges)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            </Types>
            """);
        Add(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        Add(zip, "xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="{SecurityElement.Escape(sheet)}" sheetId="1" r:id="rId1"/></sheets>
            </workbook>
            """);
        Add(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            </Relationships>
            """);
        var data = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            data.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var value = rows[r][c];
                var reference = $"{(char)('A' + c)}{r + 1}";
                if (value is null)
                {
                    continue;
                }

                if (value.StartsWith("=ERR:", StringComparison.Ordinal))
                {
                    data.Append($"<c r=\"{reference}\" t=\"e\"><f>1/0</f><v>{SecurityElement.Escape(value[5..])}</v></c>");
                }
                else if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    data.Append($"<c r=\"{reference}\"><v>{value}</v></c>");
                }
                else
                {
                    data.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(value)}</t></is></c>");
                }
            }

            data.Append("</row>");
        }

        var merged = merges.Length == 0 ? "" : $"<mergeCells count=\"{merges.Length}\">{string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>";
        Add(zip, "xl/worksheets/sheet1.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData>{merged}</worksheet>
            """);
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content.TrimStart());
    }
}
