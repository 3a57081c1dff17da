using DuckDB.NET.Data;
using GradeLens.Core.Import.Reading;
using GradeLens.Core.Quality.Import;

namespace GradeLens.Core.Tests.Quality;

/// <summary>
/// A clean file comes in by the typed read, a messy one by the text staging: the same values either way, the same
/// lines in a rejection, and nothing read typed that the text staging would read otherwise.
/// </summary>
public sealed class QualityTypedReadTests : IDisposable
{
    private readonly QualityImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("student_id,assessment_id,submitted,mark\nS1,A1,2024-10-14,65\n\nS2,A1,,48.5\n", true)]
    [InlineData("student_id,assessment_id,submitted,mark\nS1,A1,14/10/2024,65\n", false)] // a d/m/y date
    [InlineData("student_id,assessment_id,submitted,mark\nS1,A1,2024-10-14,65%\n", false)]
    [InlineData("student_id,assessment_id,submitted,mark\nS1,A1,2024-10-14,65,extra\n", false)] // a field too many
    [InlineData("student_id,assessment_id,mark\nS1,A1,\"65,5\"\n", false)] // a decimal comma
    public async Task Only_a_file_whose_numbers_and_dates_read_as_declared_takes_the_typed_read(string grades, bool typed)
    {
        var path = _files.Write("grades.csv", grades);
        var source = TableFileReader.Open(path).Single();
        var recognition = QualityTableRecognition.Recognise(source);
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var columns = QualityTypedRead.TypedColumns(source, recognition);
        Assert.Contains("DOUBLE", columns.Values);
        var staged = await QualityTypedRead.TryStageAsync(connection, source, columns, 1, default);
        Assert.Equal(typed, staged is not null);
        if (staged is not null)
        {
            Assert.Equal(2, staged.Rows); // the blank line is not a row
        }
    }

    [Fact]
    public async Task A_messy_file_and_its_clean_twin_import_the_same_rows()
    {
        const string Clean = "student_id,assessment_id,submitted,mark\nS1,A1,2024-10-14,65\nS2,A1,2024-10-13,48\nS1,A2,,\nS2,A2,2024-12-09,71\nS1,A3,2024-11-01,55\n";
        const string Messy = "student_id,assessment_id,submitted,mark\n S1 ,A1,14/10/2024,65%\nS2\u00a0,A1,13/10/2024,48\nS1,A2,,\n,,,\nS2,\u3000A2,09/12/2024,71\nS1,A3,01/11/2024,55\n";
        var clean = await ImportedGradesAsync(Clean);
        var messy = await ImportedGradesAsync(Messy);
        Assert.Equal(5, clean.Count);
        Assert.Equal(clean, messy);
    }

    [Fact]
    public async Task A_bad_value_in_a_typed_file_is_rejected_at_its_line_past_a_blank_one()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic(grades: "student_id,assessment_id,submitted,mark\nS1,A1,2024-10-14,65\n,,,\nS2,A1,2024-10-13,NaN\nS1,A3,2024-11-01,150\n");
        var report = await _files.ImportAsync(store);
        Assert.False(report.Succeeded);
        Assert.Contains(report.Rejected, r => r is { File: "grades.csv", Line: 4, Column: "mark", Reason: "not a number" });
        Assert.Contains(report.Rejected, r => r is { File: "grades.csv", Line: 5, Column: "mark", Value: "150" });
        Assert.Empty(await store.RowsAsync("he_grades"));
    }

    /// <summary>The identifier and text readings skip trim for values with nothing to trim: the same value as trimming every one.</summary>
    [Fact]
    public async Task Identifiers_read_the_same_as_trimming_every_value()
    {
        string[] values = [" a", "a ", "a\u00a0", "\u3000a", "a\u200a", "42.0", " 42.00 ", "4.2", "", "   ", "ab", "\ta", "é", "aé"];
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var rows = string.Join(", ", values.Select((v, i) => $"({i}, '{v}')"));
        command.CommandText = $"""
            SELECT string_agg(CASE WHEN {QualityValueSql.Parsed(QualityValueKind.Identifier, "v", DateOrder.DayMonth)} IS NOT DISTINCT FROM
                                        NULLIF(CASE WHEN contains(trim(v), '.') THEN regexp_replace(trim(v), '^([+-]?[0-9]+)[.]0*$', '\1') ELSE trim(v) END, '')
                                    AND {QualityValueSql.Trimmed("v")} IS NOT DISTINCT FROM NULLIF(trim(v), '') THEN 'same' ELSE 'differs: ' || i END, ',' ORDER BY i)
            FROM (VALUES {rows}) t(i, v)
            """;
        Assert.Equal(string.Join(",", values.Select(_ => "same")), await command.ExecuteScalarAsync());
    }

    private async Task<IReadOnlyList<string>> ImportedGradesAsync(string grades)
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic(grades: grades);
        var report = await _files.ImportAsync(store);
        Assert.True(report.Succeeded, report.Message + string.Join("\n", report.Rejected));
        return await store.RowsAsync("he_grades");
    }
}
