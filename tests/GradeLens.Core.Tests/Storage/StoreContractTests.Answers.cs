using GradeLens.Core.Accounts;
using GradeLens.Core.Demo;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;
using GradeLens.Core.Tests.Tracking;
using GradeLens.Core.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace GradeLens.Core.Tests.Storage;

/// <summary>The store contract's tracking subjects and kept answers (scope: StoreScopeContractTests.cs; accounts: StoreAccountsContractTests.cs).</summary>
public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task Tracking_subjects_count_series_students_and_baselines_and_an_analyst_sees_none_under_the_minimum()
    {
        await using var store = await CreateStoreAsync();
        var file = WriteFile("subjects.csv",
            "student_id,subject,series,score\n" +
            "A1,Maths,BASELINE,5\nA1,Maths,MOCK 1,4\nA1,Maths,GCSE,6\nA2,Maths,BASELINE,6\nA2,Maths,MOCK 1,5\nA2,Maths,GCSE,7\n" +
            "A3,Maths,MOCK 1,3\nA3,Maths,GCSE,4\nA1,Art,GCSE,5\n");
        var report = await store.Store.ImportAsync(new ImportRequest([file], new Core.Import.Mapping.ImportMapping
        {
            BaselineSeries = ["BASELINE"],
            Columns =
            [
                new() { Header = "student_id", Role = Core.Import.Mapping.ColumnRole.StudentId },
                new() { Header = "subject", Role = Core.Import.Mapping.ColumnRole.Subject },
                new() { Header = "series", Role = Core.Import.Mapping.ColumnRole.Series },
                new() { Header = "score", Role = Core.Import.Mapping.ColumnRole.Score, Scale = Core.Import.Mapping.GradeScales.Gcse91Id },
            ],
        }));
        Assert.True(report.Succeeded, report.Message);

        Assert.Equal([new TrackingSubject("Art", 1, 1, 0), new TrackingSubject("Maths", 2, 3, 2)], await store.Store.GetTrackingSubjectsAsync(Scope.Everything));
        // An analyst whose minimum is 3: Maths (3 students) without its baseline count (2); Art (1 student) not at all.
        Assert.Equal([new TrackingSubject("Maths", 2, 3, null)], await store.Store.GetTrackingSubjectsAsync(new Scope(null, AggregatesOnly: true, MinimumCellSize: 3)));
    }

    [StoreFact]
    public async Task A_remembered_answer_is_computed_once_per_key_and_scope_until_the_data_changes()
    {
        await using var store = await CreateStoreAsync();
        var computed = 0;
        Task<string> Compute(CancellationToken _) => Task.FromResult($"answer {++computed}");
        var north = Scope.ForOrganisation("north");

        Assert.Equal("answer 1", await store.Store.RememberAsync(AnswerKey.For("k", Scope.Everything), Compute));
        Assert.Equal("answer 1", await store.Store.RememberAsync(AnswerKey.For("k", Scope.Everything), Compute));
        Assert.Equal("answer 2", await store.Store.RememberAsync(AnswerKey.For("k", north), Compute));
        Assert.Equal("answer 3", await store.Store.RememberAsync(AnswerKey.For("other", Scope.Everything), Compute));

        var report = await store.Store.ImportAsync(new ImportRequest([WriteFile("more.csv", "student_id,maths\nA1,50\n")]));
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal("answer 4", await store.Store.RememberAsync(AnswerKey.For("k", Scope.Everything), Compute));
        Assert.Equal(4, computed);
    }
}
