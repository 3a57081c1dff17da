using GradeLens.Core.Demo;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;
using GradeLens.Core.Tests.Tracking;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Storage;

/// <summary>
/// What every store must do, on small shared files: each store's class (DuckDB, PostgreSQL) runs these tests against its
/// own new store per test. Numbers are checked against the independent references where the suite has them.
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    internal const string StudentsPerformance = "students-performance/StudentsPerformance.csv";

    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-contract-").FullName;

    /// <summary>A new, empty store of this class's kind; disposing it removes it (file or database).</summary>
    protected abstract Task<TestStore> CreateStoreAsync();

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public async Task Info_counts_every_table_after_importing_the_tracking_and_exam_files()
    {
        await using var store = await CreateStoreAsync();
        await ImportSharedAsync(store.Store, TrackingStores.Yellis);
        await ImportSharedAsync(store.Store, StudentsPerformance);
        await store.Store.WriteQualityAsync(UniversityQuality.Generate(new Random(5)), "uni");

        var info = await store.Store.GetInfoAsync(Scope.Everything);

        Assert.Equal(StoreSchema.Version, info.SchemaVersion);
        Assert.Equal(71 + 1000, info.Students);
        Assert.Equal(1601 + 3000, info.TableCounts["results"]);
        Assert.Equal(579, info.TableCounts["baselines"]);
        Assert.Equal(4 * 1000, info.TableCounts["student_attributes"]);
        Assert.True(info.TableCounts["he_programmes"] > 0 && info.TableCounts["he_grades"] > 0);
        Assert.Contains("Maths", info.Subjects);
        Assert.Equal(["MOCK 1", "MOCK 2", "GCSE"], info.Series.Where(s => s is "MOCK 1" or "MOCK 2" or "GCSE"));
        Assert.Equal(["default"], info.Organisations);
    }

    [StoreFact]
    public async Task Series_boxes_match_numpy_on_the_gcse_tracking_file()
    {
        await using var store = await CreateStoreAsync();
        await ImportSharedAsync(store.Store, TrackingStores.Yellis);
        using var reference = SharedFiles.Reference();
        var expected = reference.RootElement.GetProperty("tracking").GetProperty("box_by_series").GetProperty("Maths");

        var boxes = await store.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths"));

        Assert.Equal(["BASELINE", "MOCK 1", "MOCK 2", "GCSE"], boxes.Select(b => b.Series));
        foreach (var box in boxes)
        {
            var want = expected.GetProperty(box.Series);
            Assert.Equal(want.GetProperty("n").GetInt64(), box.N);
            Assert.Equal(want.GetProperty("median").GetDouble(), box.Median, 1e-9);
            Assert.Equal(want.GetProperty("q1").GetDouble(), box.Q1, 1e-9);
            Assert.Equal(want.GetProperty("q3").GetDouble(), box.Q3, 1e-9);
        }
    }

    [StoreFact]
    public async Task Mock_back_test_matches_the_reference_figures()
    {
        await using var store = await CreateStoreAsync();
        await ImportSharedAsync(store.Store, TrackingStores.Yellis);

        var tests = await store.Store.GetMockBackTestsAsync(Scope.Everything, new TrackingFilter("Maths"));

        var mock = Assert.Single(tests, t => t.Series == "MOCK 1");
        Assert.Equal(("GCSE", 70L), (mock.FinalSeries, mock.Students));
        Assert.Equal(0.9428571428571428, mock.MeanAbsoluteError, 1e-9);
        Assert.Equal(-0.8285714285714286, mock.MeanDifference, 1e-9);
        Assert.Equal(0.8477321991020194, mock.Correlation!.Value, 1e-9);
        Assert.Equal(82.85714285714286, mock.PercentWithinOneGrade, 1e-9);
    }

    [StoreFact]
    public async Task A_students_standings_and_the_baseline_comparison_agree_with_each_other()
    {
        await using var store = await CreateStoreAsync();
        await ImportSharedAsync(store.Store, TrackingStores.Yellis);

        var comparison = await store.Store.GetBaselineComparisonAsync(Scope.Everything, new TrackingFilter("Maths"), 5);
        var furthest = comparison.FurthestBelow[0];
        var standings = await store.Store.GetSubjectStandingsAsync(Scope.Everything, furthest.StudentId);

        Assert.Equal(["MOCK 1", "MOCK 2", "GCSE"], comparison.Shares.Select(s => s.Series));
        Assert.All(comparison.Shares, s => Assert.Equal(s.Students, s.Above + s.At + s.Below));
        Assert.Equal(5, comparison.FurthestBelow.Count);
        var maths = Assert.Single(standings, s => s.Subject == "Maths");
        Assert.Equal((furthest.Baseline, furthest.LatestSeries, furthest.Latest), (maths.Baseline!.Value, maths.LatestSeries, maths.Latest));
        Assert.Empty(await store.Store.GetSubjectStandingsAsync(Scope.ForOrganisation("elsewhere"), furthest.StudentId));
    }

    [StoreFact]
    public async Task The_student_sample_is_stable_and_the_scale_and_groups_describe_the_subject()
    {
        await using var store = await CreateStoreAsync();
        await ImportSharedAsync(store.Store, TrackingStores.Yellis);

        var sample = await store.Store.GetSubjectStudentsAsync(Scope.Everything, new TrackingFilter("Maths"), 10);
        var again = await store.Store.GetSubjectStudentsAsync(Scope.Everything, new TrackingFilter("Maths"), 10);
        var scale = await store.Store.GetSubjectScaleAsync(Scope.Everything, "Maths");
        var groups = await store.Store.GetTrackingGroupsAsync(Scope.Everything, "Maths");

        Assert.True(sample.Sampled);
        Assert.Equal(10, sample.Students.Count);
        Assert.Equal(sample.Students.Select(s => s.StudentId), again.Students.Select(s => s.StudentId));
        Assert.NotNull(scale);
        Assert.Null(await store.Store.GetSubjectScaleAsync(Scope.Everything, "Underwater basket weaving"));
        Assert.Contains(groups, g => g.Attribute == "gender");
    }

    [StoreFact]
    public async Task Every_read_is_limited_to_the_callers_organisation_and_schools()
    {
        await using var store = await CreateStoreAsync();
        var file = WriteFile("marks.csv", "student_id,school,gender,subject,series,score\nA1,North,F,Maths,Mock 1,55\nA2,North,M,Maths,Mock 1,65\nA3,South,F,Maths,Mock 1,75\n");
        Assert.True((await store.Store.ImportAsync(new ImportRequest([file], Organisation: "trust-a"))).Succeeded);
        Assert.True((await store.Store.ImportAsync(new ImportRequest([file], Organisation: "trust-b"))).Succeeded);

        var everything = await store.Store.GetInfoAsync(Scope.Everything);
        var trust = await store.Store.GetInfoAsync(Scope.ForOrganisation("trust-a"));
        var north = new Scope("trust-a", ["North"]);
        var nowhere = new Scope("trust-a", []);

        Assert.Equal((6L, 6L), (everything.Students, everything.TableCounts["results"]));
        Assert.Equal((3L, 3L), (trust.Students, trust.TableCounts["results"]));
        Assert.Equal(["trust-a"], trust.Organisations);
        Assert.Equal(2, (await store.Store.GetInfoAsync(north)).Students);
        Assert.Equal(60, Assert.Single(await store.Store.GetSeriesBoxesAsync(north, new TrackingFilter("Maths"))).Mean, 9);
        Assert.Empty(await store.Store.GetSeriesBoxesAsync(nowhere, new TrackingFilter("Maths")));
        Assert.Equal(0, (await store.Store.GetInfoAsync(Scope.ForOrganisation("' OR '1'='1"))).Students);
        var students = await store.Store.GetSubjectStudentsAsync(north, new TrackingFilter("Maths", "gender", "F"), 10);
        Assert.Equal(["A1"], students.Students.Select(s => s.StudentId));
    }

    [StoreFact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        await using var store = await CreateStoreAsync();
        var first = await ImportSharedAsync(store.Store, TrackingStores.Yellis);
        var before = await store.Store.GetInfoAsync(Scope.Everything);

        var again = await ImportSharedAsync(store.Store, TrackingStores.Yellis);

        Assert.Equal(new WriteCounts(71, 0, 1601, 0, 0, 579, first.Written.AssessmentsAdded, 0), first.Written);
        Assert.Equal(new WriteCounts(0, 0, 0, 0, 1601, 579, 0, 0), again.Written);
        Assert.Equal(before.TableCounts, (await store.Store.GetInfoAsync(Scope.Everything)).TableCounts);
    }

    [StoreFact]
    public async Task A_changed_score_allowed_to_change_is_counted_as_changed_and_rewritten()
    {
        await using var store = await CreateStoreAsync();
        var first = WriteFile("v1.csv", "student_id,subject,series,score\nA1,Maths,Mock 1,55\nA2,Maths,Mock 1,65\n");
        var second = WriteFile("v2.csv", "student_id,subject,series,score\nA1,Maths,Mock 1,56\nA2,Maths,Mock 1,65\nA3,Maths,Mock 1,70\n");
        Assert.True((await store.Store.ImportAsync(new ImportRequest([first]))).Succeeded);

        var report = await store.Store.ImportAsync(new ImportRequest([second], AllowChanges: true));

        Assert.Equal((1L, 1L, 1L, 1L), (report.Written.StudentsAdded, report.Written.ResultsAdded, report.Written.ResultsUpdated, report.Written.ResultsUnchanged));
        var box = Assert.Single(await store.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths")));
        Assert.Equal((56.0, 70.0), (box.Minimum, box.Maximum));
    }

    [StoreFact]
    public async Task A_file_with_a_bad_row_leaves_the_store_as_it_was()
    {
        await using var store = await CreateStoreAsync();
        await ImportSharedAsync(store.Store, TrackingStores.Yellis);
        var before = await store.Store.GetInfoAsync(Scope.Everything);
        var good = WriteFile("good.csv", "student_id,subject,series,score\nB1,Maths,Mock 1,55\n");
        var bad = WriteFile("bad.csv", "student_id,subject,series,score\nB2,Maths,Mock 1,55\nB3,Maths,Mock 1,lots\n");

        var report = await store.Store.ImportAsync(new ImportRequest([good, bad]));

        Assert.False(report.Succeeded);
        Assert.Equal(before.TableCounts, (await store.Store.GetInfoAsync(Scope.Everything)).TableCounts);
    }

    [StoreFact]
    public async Task Group_aggregates_pool_students_into_every_coarser_total()
    {
        await using var store = await CreateStoreAsync();
        await ImportSharedAsync(store.Store, StudentsPerformance);

        var aggregates = await store.Store.GetGroupAggregatesAsync(Scope.Everything, new Core.Gaps.GapRequest("lunch", Within: []));

        Assert.True(aggregates.Known);
        Assert.Equal(["gender", "lunch", "parental level of education", "race/ethnicity", "test preparation course"], aggregates.Attributes);
        var maths = aggregates.Groups.Where(g => g.Cell.Subject.Contains("math", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(["free/reduced", "standard"], maths.Select(g => g.Group).Order(StringComparer.Ordinal));
        Assert.Equal(1000, maths.Sum(g => g.Summary.N));
    }

    [StoreFact]
    public async Task Risk_features_and_the_student_table_come_from_the_earlier_series()
    {
        await using var store = await CreateStoreAsync();
        await ImportSharedAsync(store.Store, TrackingStores.Yellis);

        var features = await store.Store.GetRiskFeaturesAsync(Scope.Everything, new Core.Risk.RiskRequest("GCSE", "Maths"));
        var table = await store.Store.GetStudentTableAsync(Scope.Everything, "MOCK 1");

        Assert.DoesNotContain(features.FeatureSeries, s => s == "GCSE");
        Assert.True(features.Training.Outcome.Count > 0);
        Assert.Equal("MOCK 1", table.Series);
        Assert.Contains("Maths", table.Scores.Names);
    }

    [StoreFact]
    public async Task The_student_table_puts_each_score_and_attribute_in_its_students_row_and_leaves_the_missing_ones_empty()
    {
        await using var store = await CreateStoreAsync();
        var file = WriteFile("long.csv",
            "student_id,lunch,gender,subject,series,score\nC3,paid,F,Maths,Mock 1,75\nA1,free,,Maths,Mock 1,55\nA1,free,,English,Mock 1,61\nB2,,M,English,Mock 1,48\nB2,,M,Maths,Mock 2,90\n");
        Assert.True((await store.Store.ImportAsync(new ImportRequest([file]))).Succeeded);

        var table = await store.Store.GetStudentTableAsync(Scope.Everything, "Mock 1");

        Assert.Equal(["A1", "B2", "C3"], table.StudentIds);
        Assert.Equal(["English", "Maths"], table.Scores.Names);
        Assert.Equal([61, 55, 48, double.NaN, double.NaN, 75], Enumerable.Range(0, 3).SelectMany(i => new[] { table.Scores[i, 0], table.Scores[i, 1] }));
        string?[][] expected = [["free", null, "paid"], [null, "M", "F"]];
        foreach (var (name, values) in new[] { "lunch", "gender" }.Zip(expected))
        {
            Assert.Equal(values, table.Attributes[table.AttributeNames.ToList().IndexOf(name)]);
        }
    }

    internal static async Task<ImportReport> ImportSharedAsync(IGradeStore store, string dataset)
    {
        var report = await store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SharedDatasetImportTests.SampleMapping(dataset)));
        Assert.True(report.Succeeded, report.Message);
        return report;
    }

    protected string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}

/// <summary>A store made for one test, and what removes it afterwards.</summary>
public sealed class TestStore(IGradeStore store, Func<ValueTask> remove) : IAsyncDisposable
{
    public IGradeStore Store { get; } = store;

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await remove();
    }
}
