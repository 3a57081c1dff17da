using System.Text;
using GradeLens.Core.Import.Reading;
using MiniExcelLibs;

namespace GradeLens.Core.Tests.Import.Reading;

public sealed class TableFileReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-read-").FullName;

    static TableFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        return path;
    }

    private static string ReadCopy(SourceTable table) => File.ReadAllText(table.CsvPath, Encoding.UTF8);

    [Fact]
    public void Windows_1256_Arabic_headers_are_detected_and_transcoded()
    {
        var path = Write("ar.csv", "رقم الطالب;الجنس;رياضيات\nA1;ذكر;55\nA2;أنثى;61\n", Encoding.GetEncoding(1256));
        using var table = Assert.Single(TableFileReader.Open(path));
        Assert.Equal("Windows-1256", table.Encoding);
        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["رقم الطالب", "الجنس", "رياضيات"], table.Headers);
        Assert.True(table.IsTemporary);
        Assert.Contains("A2;أنثى;61", ReadCopy(table), StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_French_headers_are_detected_and_transcoded()
    {
        var path = Write("fr.csv", "élève,Mathématiques,Français\nA1,12,14\n", Encoding.GetEncoding(1252));
        using var table = Assert.Single(TableFileReader.Open(path));
        Assert.Equal("Windows-1252", table.Encoding);
        Assert.Equal(["élève", "Mathématiques", "Français"], table.Headers);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read_and_tab_separated_columns_found()
    {
        var path = Write("u16.tsv", "student\tscore\nA1\t55\nA2\t61\n", Encoding.Unicode);
        using var table = Assert.Single(TableFileReader.Open(path));
        Assert.Equal("UTF-16LE", table.Encoding);
        Assert.Equal('\t', table.Delimiter);
        Assert.Equal(["student", "score"], table.Headers);
        Assert.Equal("student\tscore\nA1\t55\nA2\t61\n", ReadCopy(table));
    }

    [Fact]
    public void A_utf8_file_is_handed_to_the_store_as_it_is_without_a_copy()
    {
        var path = SharedFiles.Path("students-performance/StudentsPerformance.csv");
        using var table = Assert.Single(TableFileReader.Open(path));
        Assert.Equal("UTF-8 (BOM)", table.Encoding);
        Assert.False(table.IsTemporary);
        Assert.Equal(path, table.CsvPath);
        Assert.Equal("gender", table.Headers[0]);
        Assert.Equal(8, table.Headers.Count);
        Assert.Contains(table.Notes, n => n.StartsWith("Some numbers are quoted", StringComparison.Ordinal));
        Assert.Equal(2, table.FirstDataLine);
    }

    [Fact]
    public void The_uci_file_is_semicolon_separated()
    {
        using var table = Assert.Single(TableFileReader.Open(SharedFiles.Path("uci-student/student-mat.csv")));
        Assert.Equal(';', table.Delimiter);
        Assert.Equal(33, table.Headers.Count);
        Assert.Equal("G3", table.Headers[^1]);
    }

    [Fact]
    public void Arabic_domains_with_bom_and_crlf_are_read_as_they_are()
    {
        using var table = Assert.Single(TableFileReader.Open(SharedFiles.Path("equity-aggregates/agg_gender_domain.csv")));
        Assert.Equal("UTF-8 (BOM)", table.Encoding);
        Assert.Equal("region", table.Headers[0]);
        Assert.Contains(table.Notes, n => n.StartsWith("Windows line endings", StringComparison.Ordinal));
    }

    [Fact]
    public void Blank_and_repeated_headers_get_names_and_a_note()
    {
        var path = Write("h.csv", "id,score,,score\nA,1,2,3\n", new UTF8Encoding(false));
        using var table = Assert.Single(TableFileReader.Open(path));
        Assert.Equal(["id", "score", "column 3", "score (2)"], table.Headers);
        Assert.Equal(2, table.Notes.Count(n => n.Contains("column 3", StringComparison.Ordinal) || n.Contains("score (2)", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("empty.csv", "", "empty.csv is empty")]
    [InlineData("blank.csv", "\n  \n", "blank.csv is empty")]
    [InlineData("header.csv", "student,score\n", "header.csv has a header row but no data rows")]
    public void An_empty_file_is_one_sentence_naming_it(string name, string content, string expected)
    {
        var path = Write(name, content, new UTF8Encoding(false));
        var error = Assert.Throws<UnreadableFileException>(() => TableFileReader.Open(path));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused_in_one_sentence()
    {
        var path = Path.Combine(_directory, "photo.png");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);
        var error = Assert.Throws<UnreadableFileException>(() => TableFileReader.Open(path));
        Assert.StartsWith("photo.png is not a text table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<UnreadableFileException>(() => TableFileReader.Open(Path.Combine(_directory, "nope.csv")));
        Assert.StartsWith("nope.csv does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_workbook_is_refused_in_one_sentence()
    {
        var good = Path.Combine(_directory, "good.xlsx");
        MiniExcel.SaveAs(good, new[] { new { student = "A1", score = 55 } });
        var bytes = File.ReadAllBytes(good);
        var path = Path.Combine(_directory, "cut.xlsx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<UnreadableFileException>(() => TableFileReader.Open(path));
        Assert.StartsWith("cut.xlsx is not a readable Excel workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_sheet_with_data_is_a_table_and_a_named_sheet_is_chosen()
    {
        var path = Path.Combine(_directory, "book.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["Maths"] = new[] { new { student = "A1", score = 55.5 }, new { student = "A2", score = 61.0 } },
            ["English"] = new[] { new { student = "A1", score = 70.0 } },
        };
        MiniExcel.SaveAs(path, sheets);
        var all = TableFileReader.Open(path);
        Assert.Equal(["book.xlsx [Maths]", "book.xlsx [English]"], all.Select(t => t.DisplayName));
        Assert.All(all, t => Assert.Equal("xlsx", t.Encoding));
        Assert.Equal("student,score\nA1,55.5\nA2,61\n", ReadCopy(all[0]));
        Assert.Equal(2, all[0].FirstDataLine);
        foreach (var t in all)
        {
            t.Dispose();
        }

        using var english = Assert.Single(TableFileReader.Open(path, "english"));
        Assert.Equal("English", english.Sheet);
        var error = Assert.Throws<UnreadableFileException>(() => TableFileReader.Open(path, "Science"));
        Assert.Equal("book.xlsx has no sheet called 'Science'. Its sheets are: Maths, English.", error.Message);
    }
}
