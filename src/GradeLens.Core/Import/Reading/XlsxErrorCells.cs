using System.IO.Compression;
using System.Xml;

namespace GradeLens.Core.Import.Reading;

/// <summary>
/// The error cells (#DIV/0!, #N/A, #VALUE!...) of one sheet of an .xlsx workbook, read from the sheet's XML, so an
/// import can report each by its cell instead of reading it as an empty cell (the workbook reader gives no value for them).
/// A shared-string cell whose index points past the workbook's strings (a damaged file: the reader would give the index
/// itself as the value) counts as an error cell, #ERROR.
/// </summary>
internal static class XlsxErrorCells
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>(row 1-based, column 0-based) -> the error's text; empty when the file is no .xlsx or has none.</summary>
    public static IReadOnlyDictionary<(int Row, int Column), string> Read(string path, string sheet)
    {
        var errors = new Dictionary<(int Row, int Column), string>();
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (SheetPart(zip, sheet) is not { } part || zip.GetEntry(part) is not { } entry)
            {
                return errors;
            }

            var strings = SharedStringCount(zip);
            using var stream = entry.Open();
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
            while (xml.ReadToFollowing("c", MainNamespace))
            {
                var type = xml.GetAttribute("t");
                if (type is not ("e" or "s") || xml.GetAttribute("r") is not { } reference || CellOf(reference) is not { } cell)
                {
                    continue;
                }

                if (type == "s")
                {
                    using var shared = xml.ReadSubtree();
                    if (shared.ReadToFollowing("v", MainNamespace) && (!int.TryParse(shared.ReadElementContentAsString(), out var index) || index < 0 || index >= strings))
                    {
                        errors[cell] = "#ERROR";
                    }

                    continue;
                }

                using var inner = xml.ReadSubtree();
                var text = inner.ReadToFollowing("v", MainNamespace) ? inner.ReadElementContentAsString() : "#ERROR";
                errors[cell] = text.Length == 0 ? "#ERROR" : text;
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            // Not a zip workbook (.xls) or an unusual one: the reader's own values stand.
        }

        return errors;
    }

    /// <summary>How many strings the workbook's shared-string table holds (every index stands when there is no table to count).</summary>
    private static int SharedStringCount(ZipArchive zip)
    {
        if (zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase)) is not { } entry)
        {
            return int.MaxValue;
        }

        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        var count = 0;
        while (xml.ReadToFollowing("si", MainNamespace))
        {
            count++;
        }

        return count;
    }

    private static string? SheetPart(ZipArchive zip, string sheet)
    {
        var workbook = Load(zip, "xl/workbook.xml");
        var relations = Load(zip, "xl/_rels/workbook.xml.rels");
        if (workbook is null || relations is null)
        {
            return null;
        }

        var names = new XmlNamespaceManager(workbook.NameTable);
        names.AddNamespace("m", MainNamespace);
        var id = workbook.SelectNodes("//m:sheet", names)?.Cast<XmlElement>()
            .FirstOrDefault(e => string.Equals(e.GetAttribute("name"), sheet, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("id", RelationshipNamespace);
        var target = relations.DocumentElement?.ChildNodes.Cast<XmlNode>().OfType<XmlElement>()
            .FirstOrDefault(e => e.GetAttribute("Id") == id)?.GetAttribute("Target");
        return target is null ? null : target.StartsWith('/') ? target[1..] : "xl/" + target;
    }

    private static XmlDocument? Load(ZipArchive zip, string name)
    {
        if (zip.GetEntry(name) is not { } entry)
        {
            return null;
        }

        var document = new XmlDocument { XmlResolver = null };
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        document.Load(reader);
        return document;
    }

    /// <summary>"B12" -> (12, 1).</summary>
    private static (int Row, int Column)? CellOf(string reference)
    {
        var letters = new string([.. reference.TakeWhile(char.IsAsciiLetter)]).ToUpperInvariant();
        return letters.Length > 0 && int.TryParse(reference.AsSpan(letters.Length), out var row)
            ? (row, TableLayout.ColumnNumber(letters) - 1)
            : null;
    }
}
