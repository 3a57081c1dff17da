using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>Issue 15.1: the table is found below titles, notes and blank rows, merged headers spread, totals left out.</summary>
public sealed class TableFindingTests
{
    [Fact]
    public async Task A_title_and_a_blank_line_above_the_header_are_skipped_and_lines_still_match()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("titled.csv", "Results of the summer exams 2024,,\n\nstudent_id,gender,math score\nA1,F,55\nA2,M,61\nA3,F,abc\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file], DryRun: true));
        var table = Assert.Single(report.Tables);
        Assert.Equal(["student_id", "gender", "math score"], table.Columns.Select(c => c.Header));
        Assert.Contains(table.Notes, n => n.StartsWith("The table starts on line 3", StringComparison.Ordinal) && n.Contains("Results of the summer exams 2024", StringComparison.Ordinal));
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(("titled.csv", 6L, "math score"), (rejected.File, rejected.Line, rejected.Column));
        Assert.Equal(["Mathematics"], table.Subjects);
    }

    [Fact]
    public async Task A_workbook_with_a_merged_title_and_a_two_row_merged_header_imports_every_score()
    {
        await using var temp = await TempStore.CreateAsync();
        var path = temp.PathOf("mocks.xlsx");
        XlsxFixture.Write(path, "Year 11",
        [
            ["Year 11 mock results", null, null, null, null],
            [null, null, null, null, null],
            ["Student", "Maths", null, "English", null],
            [null, "Mock 1", "Mock 2", "Mock 1", "Mock 2"],
            ["A1", "4", "5", "6", "6.5"],
            ["A2", "3", "4", "5", "5"],
            ["A3", "7", "7.5", "8", "9"],
        ], "A1:E1", "A3:A4", "B3:C3", "D3:E3");
        var report = await temp.Store.ImportAsync(new ImportRequest([path]));
        Assert.True(report.Succeeded, report.Message);
        var table = Assert.Single(report.Tables);
        Assert.Equal(["Student", "Maths Mock 1", "Maths Mock 2", "English Mock 1", "English Mock 2"], table.Columns.Select(c => c.Header));
        Assert.Equal(["English", "Mathematics"], table.Subjects);
        Assert.Equal(["Mock 1", "Mock 2"], table.Series);
        Assert.Equal(12, report.Written.ResultsAdded);
        Assert.Equal("Excel workbook (.xlsx), sheet 'Year 11'", table.Format);
        Assert.Contains(table.Notes, n => n.Contains("two-row header on rows 3 and 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Totals_and_notes_after_the_table_are_left_out_and_reported()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("totals.csv", "student_id,gender,math score\nA1,F,55\nA2,M,61\n,,\nTotal,,116\nSource: school records exported in June,,\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(2, report.Written.StudentsAdded);
        Assert.Contains(Assert.Single(report.Tables).Notes, n => n.StartsWith("The table ends before line 5: 2 row(s) after it", StringComparison.Ordinal));
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(2, info.Students);
    }

    [Fact]
    public async Task A_mapping_can_name_the_header_row_or_a_cell_range()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("notes.csv", "exported by the MIS,,,\nstudent,version 2,,\nx,student_id,gender,math score\nx,A1,F,55\nx,A2,M,61\n");
        var mapping = new ImportMapping
        {
            Range = "B3:D",
            Columns =
            [
                new() { Header = "student_id", Role = ColumnRole.StudentId },
                new() { Header = "gender", Role = ColumnRole.Gender },
                new() { Header = "math score", Role = ColumnRole.Score, Subject = "Mathematics", Scale = "percent" },
            ],
        };
        var report = await temp.Store.ImportAsync(new ImportRequest([file], mapping));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(2, report.Written.ResultsAdded);

        var byRow = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("rows.csv", "title\nstudent_id,gender,math score\nB1,F,40\n")], mapping with { Range = null, HeaderRow = 2 }));
        Assert.True(byRow.Succeeded, byRow.Message);
        Assert.Equal(1, byRow.Written.ResultsAdded);
    }
}
