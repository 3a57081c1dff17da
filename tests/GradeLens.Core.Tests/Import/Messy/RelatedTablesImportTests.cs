using GradeLens.Core.Import;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>Issue 15.4: results, assessments and students in three files import in one command, orphans rejected where they are.</summary>
public sealed class RelatedTablesImportTests
{
    private static string[] WriteThree(TempStore temp, string extraResults = "")
    {
        var students = temp.WriteFile("students.csv", "id_student,gender,region\nS1,F,North\nS2,M,South\nS3,F,North\nS4,M,East\n");
        var assessments = temp.WriteFile("assessments.csv",
            "id_assessment,code_module,assessment_type,date,weight\n101,AAA,TMA,19,10\n102,AAA,TMA,54,20\n103,AAA,Exam,200,70\n201,BBB,TMA,30,50\n202,BBB,Exam,180,50\n");
        var results = temp.WriteFile("results.csv",
            "id_assessment,id_student,date_submitted,score\n101,S1,18,78\n102,S1,50,81\n103,S1,199,64\n101,S2,20,55\n201,S2,29,90\n202,S2,181,72\n101,S3,19,61\n" + extraResults);
        return [results, assessments, students];
    }

    [Fact]
    public async Task Three_related_files_join_into_modules_series_and_students_in_one_import()
    {
        await using var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest(WriteThree(temp)));
        Assert.True(report.Succeeded, report.Message);
        var table = Assert.Single(report.Tables);
        Assert.Equal(["AAA", "BBB"], table.Subjects);
        Assert.Equal(["TMA 1", "TMA 2", "Exam 1"], table.Series);
        Assert.Equal((3L, 7L), (report.Written.StudentsAdded, report.Written.ResultsAdded));
        Assert.Contains(table.Notes, n => n.Contains("joined with students.csv", StringComparison.Ordinal) && n.Contains("1 row(s) of students.csv have no result", StringComparison.Ordinal));
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(3, info.Students);
        Assert.Equal(7, info.TableCounts["results"]);
    }

    [Fact]
    public async Task Results_whose_assessment_or_student_is_in_no_file_are_rejected_with_file_line_and_column()
    {
        await using var temp = await TempStore.CreateAsync();
        var files = WriteThree(temp, "999,S1,10,50\n102,S9,51,40\n");
        var report = await temp.Store.ImportAsync(new ImportRequest(files));
        Assert.False(report.Succeeded);
        Assert.Equal(2, report.RejectedTotal);
        Assert.Equal(("results.csv", 9L, "id_assessment", "999"), (report.Rejected[0].File, report.Rejected[0].Line, report.Rejected[0].Column, report.Rejected[0].Value));
        Assert.Contains("no row of assessments.csv has this id_assessment", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal(("results.csv", 10L, "id_student", "S9"), (report.Rejected[1].File, report.Rejected[1].Line, report.Rejected[1].Column, report.Rejected[1].Value));
        Assert.Equal(0, (await temp.Store.GetInfoAsync(Scope.Everything)).Students);

        var skipped = await temp.Store.ImportAsync(new ImportRequest(files, SkipBadRows: true, RejectFile: temp.PathOf("rejects.csv")));
        Assert.True(skipped.Succeeded, skipped.Message);
        Assert.Equal(7, skipped.Written.ResultsAdded);
    }
}
