using System.Data.Common;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>Issue 15.3: a row per enrolment imports with its key; only a key that really repeats with other values is a conflict.</summary>
public sealed class EnrolmentImportTests
{
    private static async Task<long> CountAsync(TempStore temp, string sql)
    {
        await using DbConnection connection = await temp.Store.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_student_in_two_courses_with_a_teacher_each_imports_with_the_teacher_kept_per_enrolment()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("courses.csv",
            "student_id,gender,course,teacher,score\nA1,F,Maths,Ms Khan,55\nA1,F,Physics,Mr Ode,61\nA2,M,Maths,Ms Khan,70\nA2,M,Physics,Ms Roy,48\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal((2L, 4L), (report.Written.StudentsAdded, report.Written.ResultsAdded));
        Assert.Contains(Assert.Single(report.Tables).Notes, n => n.StartsWith("The rows are enrolments, keyed by (student_id, course)", StringComparison.Ordinal));
        Assert.Equal(4, await CountAsync(temp, "SELECT count(*) FROM enrolment_attributes WHERE name = 'teacher'"));
        Assert.Equal(0, await CountAsync(temp, "SELECT count(*) FROM student_attributes WHERE name = 'teacher'"));
    }

    [Fact]
    public async Task Two_presentations_of_one_subject_become_two_sittings_of_its_series()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("presentations.csv",
            "student_id,gender,subject,presentation,score\nA1,F,Maths,2013J,55\nA1,F,Maths,2014J,61\nA2,M,Maths,2014J,70\n");
        var report = await temp.Store.ImportAsync(new ImportRequest([file]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(["Final (2013J)", "Final (2014J)"], Assert.Single(report.Tables).Series);
        Assert.Equal(3, report.Written.ResultsAdded);
    }

    [Fact]
    public async Task A_declared_key_that_repeats_with_another_value_is_rejected_and_the_reason_names_the_key()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("keyed.csv",
            "student_id,gender,course,teacher,score\nA1,F,Maths,Ms Khan,55\nA1,F,Physics,Mr Ode,61\nA1,F,Maths,Mr Lee,55\n");
        var mapping = new ImportMapping
        {
            Key = ["student_id", "course"],
            Columns =
            [
                new() { Header = "student_id", Role = ColumnRole.StudentId },
                new() { Header = "gender", Role = ColumnRole.Gender },
                new() { Header = "course", Role = ColumnRole.Subject },
                new() { Header = "teacher", Role = ColumnRole.Attribute },
                new() { Header = "score", Role = ColumnRole.Score, Scale = "percent" },
            ],
        };
        var report = await temp.Store.ImportAsync(new ImportRequest([file], mapping));
        Assert.False(report.Succeeded);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal((4L, "teacher", "Mr Lee"), (rejected.Line, rejected.Column, rejected.Value));
        Assert.Equal("the key (student_id, course) repeats with another value: 'Ms Khan' on line 2", rejected.Reason);
        Assert.Equal(0, (await temp.Store.GetInfoAsync(Scope.Everything)).Students);
    }
}
