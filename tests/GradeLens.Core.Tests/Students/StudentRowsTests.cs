using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Students;
using GradeLens.Core.Tests.Import;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Students;

public sealed class StudentRowsTests
{
    [Fact]
    public async Task A_students_rows_are_the_tracking_standings_and_every_result_and_are_kept_while_the_data_stands()
    {
        await using var temp = await TempStore.CreateAsync();
        const string dataset = "yellis-tracking/merged_yellis_diff_with_exams.csv";
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SharedDatasetImportTests.SampleMapping(dataset)));
        Assert.True(report.Succeeded, report.Message);

        // Reese Kilmer: Maths GCSE 7 against a baseline of 6, Further Maths with none (as the Tracking tests read them).
        var rows = await temp.Store.GetStudentRowsAsync(Scope.Everything, "Reese Kilmer");
        Assert.Equal(await temp.Store.GetSubjectStandingsAsync(Scope.Everything, "Reese Kilmer"), rows.Standings);
        Assert.Equal(await temp.Store.GetStudentResultsAsync(Scope.Everything, "Reese Kilmer"), rows.Results);
        Assert.Contains(rows.Results, r => r.IsBaseline && r.Subject == "Maths");
        Assert.Contains(rows.Results, r => !r.IsBaseline && r.Subject == "Further Maths");

        // Kept: the same answer object while the data version stands.
        Assert.Same(rows, await temp.Store.GetStudentRowsAsync(Scope.Everything, "Reese Kilmer"));
        var nobody = await temp.Store.GetStudentRowsAsync(Scope.Everything, "Nobody");
        Assert.Empty(nobody.Results);
        Assert.Empty(nobody.Standings);
        Assert.Empty((await temp.Store.GetStudentRowsAsync(new Scope(null, AggregatesOnly: true), "Reese Kilmer")).Results);
    }
}
