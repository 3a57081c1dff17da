using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using MiniExcelLibs;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>Issue 18.6: garbage is refused or reported where it is, never stored as pupils.</summary>
public sealed class GarbageImportTests
{
    private static async Task AssertEmptyAsync(TempStore temp) => Assert.Equal(0, (await temp.Store.GetInfoAsync(Scope.Everything)).Students);

    [Fact]
    public async Task Prose_and_a_file_without_a_header_are_refused_in_one_sentence()
    {
        await using var temp = await TempStore.CreateAsync();
        var prose = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("letter.txt", "Dear parents\nThe results will be sent next week\nRegards\n")]));
        Assert.False(prose.Succeeded);
        Assert.StartsWith("letter.txt is not a table", prose.Message, StringComparison.Ordinal);

        var numbers = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("numbers.csv", "1,55,61\n2,48,70\n3,66,59\n")]));
        Assert.False(numbers.Succeeded);
        Assert.StartsWith("numbers.csv has no recognisable header row", numbers.Message, StringComparison.Ordinal);
        await AssertEmptyAsync(temp);
    }

    [Fact]
    public async Task A_junk_sheet_beside_the_results_is_left_out_and_said_so()
    {
        await using var temp = await TempStore.CreateAsync();
        var path = temp.PathOf("book.xlsx");
        MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            ["Results"] = new[] { new { student_id = "A1", gender = "F", maths = 55 }, new { student_id = "A2", gender = "M", maths = 61 } },
            ["Notes"] = new[] { new { note = "Exported from the MIS on the last day of term" }, new { note = "Ask the office before sharing" } },
        });
        var report = await temp.Store.ImportAsync(new ImportRequest([path]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(2, report.Written.StudentsAdded);
        Assert.Contains(Assert.Single(report.Tables).Notes, n => n.StartsWith("Sheet left out: book.xlsx [Notes] is not a table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Byte_order_marks_inside_values_are_removed_and_reported_so_ids_do_not_split()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("boms.csv", "student_id,subject,score\nA1,Maths,55\n\uFEFFA1,English,61\n\uFEFFA2,Maths,70\nA2,English,52\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal((2L, 4L), (report.Written.StudentsAdded, report.Written.ResultsAdded));
        Assert.Contains(Assert.Single(report.Tables).Notes, n => n.StartsWith("'student_id': 2 value(s) held invisible characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Control_characters_and_overlong_ids_are_refused_where_they_are()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("odd.csv", $"student_id,gender,math score\nA1,F\u0007,55\n{new string('X', 200)},M,61\nA3,F,70\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        Assert.Equal(2, report.RejectedTotal);
        Assert.Equal((2L, "gender"), (report.Rejected[0].Line, report.Rejected[0].Column));
        Assert.Contains("control character", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal((3L, "student_id"), (report.Rejected[1].Line, report.Rejected[1].Column));
        Assert.Equal("the student id is 200 characters long; more than 64 is refused", report.Rejected[1].Reason);
        await AssertEmptyAsync(temp);
    }

    [Fact]
    public async Task Excel_error_cells_are_reported_by_cell()
    {
        await using var temp = await TempStore.CreateAsync();
        var path = temp.PathOf("errors.xlsx");
        XlsxFixture.Write(path, "Marks",
        [
            ["student_id", "gender", "math score"],
            ["A1", "F", "55"],
            ["A2", "M", "=ERR:#DIV/0!"],
            ["A3", "=ERR:#N/A", "61"],
        ]);
        var report = await temp.Store.ImportAsync(new ImportRequest([path]));
        Assert.False(report.Succeeded);
        Assert.Equal(
            [("errors.xlsx [Marks]", 3L, "math score", "#DIV/0!"), ("errors.xlsx [Marks]", 4L, "gender", "#N/A")],
            report.Rejected.Select(r => (r.File, r.Line, r.Column!, r.Value!)));
        Assert.All(report.Rejected, r => Assert.StartsWith("the cell holds the Excel error", r.Reason, StringComparison.Ordinal));
        await AssertEmptyAsync(temp);
    }
}
