using System.Globalization;
using System.Security;
using System.Text;

namespace GradeLens.Core.Hostile;

/// <summary>One sheet of a hand-written workbook: its rows of cells (see <see cref="HostileWorkbook"/> for how a cell is spelled) or its raw XML.</summary>
internal sealed record HostileSheet(string Name, IReadOnlyList<string?[]> Rows, string? Dimension = null, string? RawXml = null, bool Missing = false);

/// <summary>
/// Writes an .xlsx by hand, the parts Excel writes, so a kind can hold what writing libraries refuse to write: error cells,
/// cached formula results, raw numeric text ("1e309"), shared-string indexes that point nowhere, lying dimensions, a
/// missing or malformed sheet part. A cell is null (absent), "=ERR:#N/A" (an error), "=F:FORMULA|CACHED" (a formula and
/// its cached text), "=B:1" (a boolean), "=N:TEXT" (a number cell holding TEXT), "=S:7" (shared string 7), "@R12" (a cell
/// placed at reference R12 rather than in its column), a number, or any other text (an inline string).
/// </summary>
internal static class HostileWorkbook
{
    public static byte[] Write(params HostileSheet[] sheets) => Write(sheets, []);

    public static byte[] Write(IReadOnlyList<HostileSheet> sheets, IReadOnlyList<string> sharedStrings)
    {
        var parts = new List<(string, byte[])>
        {
            ("[Content_Types].xml", Xml($"""
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))}</Types>
                """)),
            ("_rels/.rels", Xml("""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """)),
            ("xl/workbook.xml", Xml($"""
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))}</sheets></workbook>
                """)),
            ("xl/_rels/workbook.xml.rels", Xml($"""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))}{(sharedStrings.Count > 0 ? $"<Relationship Id=\"rId{sheets.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")}</Relationships>
                """)),
        };
        if (sharedStrings.Count > 0)
        {
            parts.Add(("xl/sharedStrings.xml", Xml($"""
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{sharedStrings.Count}" uniqueCount="{sharedStrings.Count}">{string.Concat(sharedStrings.Select(s => $"<si><t>{SecurityElement.Escape(s)}</t></si>"))}</sst>
                """)));
        }

        for (var i = 0; i < sheets.Count; i++)
        {
            if (!sheets[i].Missing)
            {
                parts.Add(($"xl/worksheets/sheet{i + 1}.xml", sheets[i].RawXml is { } raw ? Encoding.UTF8.GetBytes(raw) : Xml(SheetXml(sheets[i]))));
            }
        }

        return DisguisedKinds.Zip([.. parts]);
    }

    /// <summary>A sheet from the hostile rows' header and rows.</summary>
    public static HostileSheet Sheet(IEnumerable<string[]> rows, string name = "Results", string? dimension = null) =>
        new(name, [HostileRows.HeaderFields, .. rows], dimension);

    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string SheetXml(HostileSheet sheet)
    {
        var data = new StringBuilder();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            data.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < sheet.Rows[r].Length; c++)
            {
                if (sheet.Rows[r][c] is { } value)
                {
                    data.Append(Cell(value, Column(c) + (r + 1).ToString(CultureInfo.InvariantCulture)));
                }
            }

            data.Append("</row>");
        }

        var dimension = sheet.Dimension is null ? "" : $"<dimension ref=\"{sheet.Dimension}\"/>";
        return $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{dimension}<sheetData>{data}</sheetData></worksheet>";
    }

    private static string Cell(string value, string reference)
    {
        if (value.StartsWith('@') && value.IndexOf(':', StringComparison.Ordinal) is var colon and > 1 && value[1..colon].All(char.IsAsciiLetterOrDigit))
        {
            return Cell(value[(colon + 1)..], value[1..colon]);
        }

        var escaped = SecurityElement.Escape(value.Length > 2 && value[0] == '=' ? value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..] : value);
        return value switch
        {
            _ when value.StartsWith("=ERR:", StringComparison.Ordinal) => $"<c r=\"{reference}\" t=\"e\"><f>1/0</f><v>{escaped}</v></c>",
            _ when value.StartsWith("=F:", StringComparison.Ordinal) => $"<c r=\"{reference}\" t=\"str\"><f>{SecurityElement.Escape(value[3..value.LastIndexOf('|')])}</f><v>{SecurityElement.Escape(value[(value.LastIndexOf('|') + 1)..])}</v></c>",
            _ when value.StartsWith("=B:", StringComparison.Ordinal) => $"<c r=\"{reference}\" t=\"b\"><v>{escaped}</v></c>",
            _ when value.StartsWith("=N:", StringComparison.Ordinal) => $"<c r=\"{reference}\"><v>{escaped}</v></c>",
            _ when value.StartsWith("=S:", StringComparison.Ordinal) => $"<c r=\"{reference}\" t=\"s\"><v>{escaped}</v></c>",
            _ when value.Length is > 0 and < 16 && value.All(ch => char.IsAsciiDigit(ch) || ch is '.' or '-') && double.TryParse(value, CultureInfo.InvariantCulture, out _)
                => $"<c r=\"{reference}\"><v>{value}</v></c>",
            _ => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(value)}</t></is></c>",
        };
    }

    private static byte[] Xml(string body) => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body.Trim());
}
