using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Tracking;

public sealed class StudentProgressTests
{
    private static async Task<TempStore> YellisStoreAsync()
    {
        var temp = await TempStore.CreateAsync();
        const string dataset = "yellis-tracking/merged_yellis_diff_with_exams.csv";
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SharedDatasetImportTests.SampleMapping(dataset)));
        Assert.True(report.Succeeded, report.Message);
        return temp;
    }

    [Fact]
    public async Task A_students_path_runs_through_the_series_in_order_against_their_baseline()
    {
        await using var temp = await YellisStoreAsync();
        var maths = await temp.Store.GetSubjectStudentsAsync(Scope.Everything, new TrackingFilter("Maths"), 5000);
        Assert.Equal(71, maths.Total);
        Assert.False(maths.Sampled);

        // From the file: Reese Kilmer, Maths: BASELINE 6, MOCK 1 5, MOCK 2 6, GCSE 7 (colour green).
        var reese = maths.Students.Single(s => s.StudentId == "Reese Kilmer");
        Assert.Equal(6, reese.Baseline);
        Assert.Equal(["MOCK 1", "MOCK 2", "GCSE"], reese.Series);
        Assert.Equal([5.0, 6.0, 7.0], reese.Scores);
        Assert.Equal(("GCSE", 7.0, 5.0, 7.0), (reese.LatestSeries, reese.Latest, reese.Minimum, reese.Maximum));
        Assert.Equal(BaselineStatus.Above, reese.Status);

        // Henry Berry, Maths: BASELINE 5.5, GCSE 4 (red).
        var henry = maths.Students.Single(s => s.StudentId == "Henry Berry");
        Assert.Equal((BaselineStatus.Below, -1.5), (henry.Status, henry.Difference!.Value));
    }

    [Fact]
    public async Task A_subject_without_baselines_has_grey_no_baseline_students_and_a_limit_gives_a_stable_sample()
    {
        await using var temp = await YellisStoreAsync();
        var further = await temp.Store.GetSubjectStudentsAsync(Scope.Everything, new TrackingFilter("Further Maths"), 5000);
        Assert.NotEmpty(further.Students);
        Assert.All(further.Students, s => Assert.Equal(BaselineStatus.NoBaseline, s.Status));

        var first = await temp.Store.GetSubjectStudentsAsync(Scope.Everything, new TrackingFilter("Maths"), 10);
        var again = await temp.Store.GetSubjectStudentsAsync(Scope.Everything, new TrackingFilter("Maths"), 10);
        Assert.True(first.Sampled);
        Assert.Equal((71L, 10), (first.Total, first.Students.Count));
        Assert.Equal(first.Students.Select(s => s.StudentId), again.Students.Select(s => s.StudentId));

        var aggregatesOnly = await temp.Store.GetSubjectStudentsAsync(new Scope(null, AggregatesOnly: true), new TrackingFilter("Maths"), 10);
        Assert.Empty(aggregatesOnly.Students);
    }

    [Fact]
    public async Task A_students_subjects_are_listed_most_below_baseline_first_and_no_baseline_last()
    {
        await using var temp = await YellisStoreAsync();
        // Reese Kilmer: Maths GCSE 7 against 6 (+1); Further Maths GCSE 5 with no baseline.
        var standings = await temp.Store.GetSubjectStandingsAsync(Scope.Everything, "Reese Kilmer");
        Assert.Contains(standings, s => s.Subject == "Maths" && s.Difference == 1 && s.Status == BaselineStatus.Above && s.LatestSeries == "GCSE");
        Assert.Equal(BaselineStatus.NoBaseline, standings[^1].Status);
        var differences = standings.Where(s => s.Difference is not null).Select(s => s.Difference!.Value).ToList();
        Assert.Equal(differences.Order(), differences);
        Assert.Empty(await temp.Store.GetSubjectStandingsAsync(Scope.Everything, "Nobody"));
    }
}
