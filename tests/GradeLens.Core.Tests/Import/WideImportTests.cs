using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import;

public sealed class WideImportTests
{
    private static ImportMapping StudentsPerformanceMapping() => new()
    {
        DefaultSeries = "Final",
        Columns =
        [
            new() { Header = "gender", Role = ColumnRole.Gender },
            new() { Header = "race/ethnicity", Role = ColumnRole.Attribute },
            new() { Header = "parental level of education", Role = ColumnRole.Attribute },
            new() { Header = "lunch", Role = ColumnRole.Attribute },
            new() { Header = "test preparation course", Role = ColumnRole.Attribute },
            new() { Header = "math score", Role = ColumnRole.Score, Subject = "Mathematics", Scale = "percent" },
            new() { Header = "reading score", Role = ColumnRole.Score, Subject = "Reading", Scale = "percent" },
            new() { Header = "writing score", Role = ColumnRole.Score, Subject = "Writing", Scale = "percent" },
        ],
    };

    [Fact]
    public async Task StudentsPerformance_imports_every_student_and_score_and_reimport_changes_nothing()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = SharedFiles.Path("students-performance/StudentsPerformance.csv");
        var report = await temp.Store.ImportAsync(new ImportRequest([file], StudentsPerformanceMapping()));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(1000, report.Written.StudentsAdded);
        Assert.Equal(3000, report.Written.ResultsAdded);
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(1000, info.Students);
        Assert.Equal(3000, info.TableCounts["results"]);
        Assert.Equal(4000, info.TableCounts["student_attributes"]);
        Assert.Equal(["Mathematics", "Reading", "Writing"], info.Subjects);

        var again = await temp.Store.ImportAsync(new ImportRequest([file], StudentsPerformanceMapping()));
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(0, again.Written.StudentsAdded);
        Assert.Equal(3000, again.Written.ResultsUnchanged);
        var after = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(info.TableCounts.Where(t => t.Key != "import_log"), after.TableCounts.Where(t => t.Key != "import_log"));
    }

    [Fact]
    public async Task A_score_outside_the_scale_is_rejected_with_file_line_and_column_and_nothing_is_written()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = temp.WriteFile("bad.csv", "student_id,gender,score\nA1,F,55\nA2,M,105\nA3,F,abc\n");
        var mapping = new ImportMapping
        {
            DefaultSubject = "Mathematics",
            Columns =
            [
                new() { Header = "student_id", Role = ColumnRole.StudentId },
                new() { Header = "gender", Role = ColumnRole.Gender },
                new() { Header = "score", Role = ColumnRole.Score, Scale = "percent" },
            ],
        };
        var report = await temp.Store.ImportAsync(new ImportRequest([file], mapping));
        Assert.False(report.Succeeded);
        Assert.Equal(2, report.RejectedTotal);
        Assert.Equal(("bad.csv", 3L, "score", "105"), (report.Rejected[0].File, report.Rejected[0].Line, report.Rejected[0].Column, report.Rejected[0].Value));
        Assert.Contains("outside", report.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Equal((4L, "abc"), (report.Rejected[1].Line, report.Rejected[1].Value));
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.All(info.TableCounts.Values, count => Assert.Equal(0, count));
    }
}
