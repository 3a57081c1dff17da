namespace GradeLens.Core.Import.Reading;

/// <summary>
/// Opens a user's file as one or more tables DuckDB can read: a text file (any of the supported encodings and
/// delimiters) is one table; a workbook gives one table per sheet with data. A file that is not a table
/// throws <see cref="UnreadableFileException"/> with one plain sentence naming it. The table's header is found below
/// titles and notes, or where <paramref name="layout"/> (from a mapping) says. Copies (a transcoded file, a sheet as CSV)
/// go into <paramref name="workFolder"/>: the import's own folder, never the shared temp folder when an import gives one.
/// </summary>
public static class TableFileReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static IReadOnlyList<SourceTable> Open(string path, string? sheet = null, string? displayName = null, TableLayout? layout = null, string? workFolder = null)
    {
        layout ??= TableLayout.Find;
        layout.Check();
        var display = displayName ?? Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new UnreadableFileException($"{display} does not exist (looked for {Path.GetFullPath(path)}).");
        }

        var length = new FileInfo(path).Length;
        var sample = new byte[(int)Math.Min(length, 64 * 1024)];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(sample);
        }

        if (length == 0)
        {
            throw new UnreadableFileException($"{display} is empty: there is no header row and no data.");
        }

        if (sample.AsSpan().StartsWith(ZipSignature) || sample.AsSpan().StartsWith(OleSignature))
        {
            return WorkbookReader.Open(path, display, sheet, layout, workFolder ?? Path.GetTempPath());
        }

        return [TextTableReader.Open(path, display, sample, length, layout, workFolder ?? Path.GetTempPath())];
    }
}
