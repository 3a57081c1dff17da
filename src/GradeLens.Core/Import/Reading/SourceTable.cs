namespace GradeLens.Core.Import.Reading;

/// <summary>
/// One table found in a user's file, normalised so that DuckDB's CSV reader can read it:
/// a UTF-8 delimited text file (the original when it already is one, otherwise a temporary copy).
/// </summary>
/// <param name="DisplayName">The user's file name, with " [sheet]" for a workbook sheet.</param>
/// <param name="OriginalPath">The user's file.</param>
/// <param name="CsvPath">UTF-8 delimited text that DuckDB reads: the original or a temporary file.</param>
/// <param name="Delimiter">Field delimiter of <paramref name="CsvPath"/>.</param>
/// <param name="Headers">Header names exactly as in the file (BOM removed).</param>
/// <param name="Encoding">Detected encoding of the original: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "Windows-1252", "Windows-1256", "xlsx".</param>
/// <param name="FirstDataLine">Line (or sheet row) of the first data row in the original: 2 when the header is line 1.</param>
/// <param name="Sheet">Worksheet name for .xlsx, else null.</param>
/// <param name="IsTemporary">True when <paramref name="CsvPath"/> is a temporary copy to delete after import.</param>
/// <param name="Notes">What the reader noticed (BOM, quoted numbers, CRLF, legacy encoding...), for the health report.</param>
public sealed record SourceTable(
    string DisplayName,
    string OriginalPath,
    string CsvPath,
    char Delimiter,
    IReadOnlyList<string> Headers,
    string Encoding,
    int FirstDataLine,
    string? Sheet,
    bool IsTemporary,
    IReadOnlyList<string> Notes) : IDisposable
{
    /// <summary>What the file is, for the health report: "CSV (comma-separated)", "Excel workbook (.xlsx), sheet 'Year 11'".</summary>
    public string Format { get; init; } = "CSV (" + DelimiterSniffer.Describe(Delimiter) + ")";

    /// <summary>The line (or sheet row) of the header, 1-based: below any title or notes rows.</summary>
    public int HeaderLine { get; init; } = FirstDataLine - 1;

    /// <summary>
    /// The file ends without a line end and its last field is shorter than that column's usual values: the file may have
    /// been cut inside its last value, so the last row is flagged rather than read.
    /// </summary>
    public bool ShortLastField { get; init; }

    /// <summary>The line (or row) in the original file of the data row with 0-based ordinal <paramref name="rowIndex"/>.</summary>
    public long LineOf(long rowIndex) => FirstDataLine + rowIndex;

    public void Dispose()
    {
        if (IsTemporary && File.Exists(CsvPath))
        {
            File.Delete(CsvPath);
        }
    }
}

/// <summary>A file that cannot be read as a table. The message is one plain sentence naming the file.</summary>
public sealed class UnreadableFileException(string message) : Exception(message);
