using System.Text;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using MiniExcelLibs;

namespace GradeLens.Core.Tests.Import;

/// <summary>Every bad input: a clear message naming file, line and column, and the store left exactly as it was.</summary>
public sealed class BadInputImportTests
{
    private static async Task AssertStoreEmptyAsync(TempStore temp)
    {
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.All(info.TableCounts, t => Assert.Equal(0, t.Value));
    }

    [Fact]
    public async Task A_truncated_file_with_an_open_quote_is_rejected_at_its_line_and_nothing_is_written()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("cut.csv", "student_id,gender,math score\nA1,F,55\nA2,M,\"6");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(("cut.csv", 3L), (rejected.File, rejected.Line));
        Assert.Contains("not closed", rejected.Reason, StringComparison.Ordinal);
        await AssertStoreEmptyAsync(temp);
    }

    [Fact]
    public async Task A_row_with_too_many_fields_is_rejected_at_its_line()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("wide.csv", "student_id,gender,math score\nA1,F,55\nA2,M,61,99\nA3,F,70\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(3, rejected.Line);
        Assert.Contains("more fields than the 3 columns", rejected.Reason, StringComparison.Ordinal);
        await AssertStoreEmptyAsync(temp);
    }

    [Fact]
    public async Task Skip_bad_rows_imports_the_rest_and_writes_the_bad_rows_with_their_lines_to_a_reject_file()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("marks.csv", "student_id,gender,math score\nA1,F,55\nA2,M,abc\nA3,F,70\n");
        var rejects = temp.PathOf("rejects.csv");
        var report = await temp.Store.ImportAsync(new ImportRequest([file], SkipBadRows: true, RejectFile: rejects));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(2, report.Written.ResultsAdded);
        var lines = File.ReadAllLines(rejects);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("\"marks.csv\",3,", lines[1], StringComparison.Ordinal);
        Assert.Contains("A2,M,abc", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_file_gives_one_sentence_and_no_change()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.PathOf("random.bin");
        File.WriteAllBytes(file, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray());
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        Assert.StartsWith("random.bin is not a text table", report.Message, StringComparison.Ordinal);
        await AssertStoreEmptyAsync(temp);
    }

    [Fact]
    public async Task A_second_file_failing_leaves_the_first_unwritten_too()
    {
        await using var temp = await TempStore.CreateAsync();
        var good = temp.WriteFile("good.csv", "student_id,gender,math score\nA1,F,55\n");
        var bad = temp.WriteFile("bad.csv", "student_id,gender,math score\nB1,F,55\nB2,X,\"\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([good, bad]));
        Assert.False(report.Succeeded);
        Assert.Equal("bad.csv", report.Rejected[0].File);
        await AssertStoreEmptyAsync(temp);
    }

    [Fact]
    public async Task A_student_with_two_genders_is_rejected_on_the_second_line()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("long.csv", "student_id,gender,subject,score\nA1,F,Maths,55\nA1,M,English,61\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.False(report.Succeeded);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal((3L, "gender", "M"), (rejected.Line, rejected.Column, rejected.Value));
        Assert.Equal("this student has 'F' on line 2 of the file", rejected.Reason);
    }

    [Fact]
    public async Task Two_different_scores_for_the_same_student_and_subject_are_rejected()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("dup.csv", "student_id,subject,score\nA1,Maths,55\nA1,Maths,55\nA1,Maths,60\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file], DryRun: true));
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal((4L, "60"), (rejected.Line, rejected.Value));
        Assert.Equal(1, Assert.Single(report.Tables).DuplicateRows);
    }

    [Fact]
    public async Task Windows_1256_file_imports_with_arabic_subjects_intact()
    {
        await using var temp = await TempStore.CreateAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = temp.WriteFile("ar.csv", "رقم الطالب;الجنس;المادة;الدرجة\nA1;ذكر;الرياضيات;55\nA2;أنثى;العربية;61\n", Encoding.GetEncoding(1256));
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(2, info.Students);
        Assert.Equal(["الرياضيات", "العربية"], info.Subjects);
    }

    [Fact]
    public async Task A_workbook_imports_and_errors_name_the_sheet_and_row()
    {
        await using var temp = await TempStore.CreateAsync();
        var path = temp.PathOf("marks.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new { student_id = "A1", gender = "F", maths = "55" },
            new { student_id = "A2", gender = "M", maths = "5x" },
        });
        var report = await temp.Store.ImportAsync(new ImportRequest([path]));
        Assert.False(report.Succeeded);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(("marks.xlsx [Sheet1]", 3L, "maths"), (rejected.File, rejected.Line, rejected.Column));
    }
}
