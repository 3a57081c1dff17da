using GradeLens.Core.Accounts;
using GradeLens.Core.Demo;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;
using GradeLens.Core.Tests.Tracking;
using GradeLens.Core.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace GradeLens.Core.Tests.Storage;

/// <summary>The store contract's reach, accounts and kept answers (the rest: StoreContractTests.cs).</summary>
public abstract partial class StoreContractTests
{
    [StoreFact]
    public async Task A_teacher_reaches_the_students_of_their_schools_or_of_their_classes_and_no_one_else()
    {
        await using var store = await CreateStoreAsync();
        var file = WriteFile("classes.csv", "student_id,school,teaching_group,math score\nA1,North,10X,55\nA2,North,10Y,61\nA3,South,10X,70\nA4,South,11Z,40\n");
        Assert.True((await store.Store.ImportAsync(new ImportRequest([file], Organisation: "trust-a"))).Succeeded);

        async Task<long> StudentsAsync(Scope scope) => (await store.Store.GetInfoAsync(scope)).Students;

        Assert.Equal(2, await StudentsAsync(new Scope("trust-a", Classes: ["10X"])));
        Assert.Equal(3, await StudentsAsync(new Scope("trust-a", Schools: ["North"], Classes: ["10X"])));
        Assert.Equal(1, await StudentsAsync(new Scope("trust-a", Schools: [], Classes: ["11Z"])));
        Assert.Equal(0, await StudentsAsync(new Scope("trust-a", Schools: [], Classes: [])));
        Assert.Equal(0, await StudentsAsync(new Scope("trust-a", Classes: ["10X' OR '1'='1"])));
        Assert.Equal(0, await StudentsAsync(new Scope("trust-b", Classes: ["10X"])));
        var subject = Assert.Single((await store.Store.GetInfoAsync(Scope.Everything)).Subjects);
        var box = Assert.Single(await store.Store.GetSeriesBoxesAsync(new Scope("trust-a", Classes: ["10X"]), new TrackingFilter(subject)));
        Assert.Equal((2L, 62.5), (box.N, box.Mean));
    }

    [StoreFact]
    public async Task Accounts_keep_users_with_their_reach_api_keys_the_audit_log_and_pseudonym_secrets()
    {
        await using var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var accounts = new AccountService(store.Store.Accounts, clock);
        var accountStore = store.Store.Accounts;

        Assert.Null(await accounts.AddUserAsync(new NewUser("tom", Role.Teacher, "trust-a", ["North"], ["10X", "11Z"]), "correct horse battery"));
        Assert.NotNull(await accounts.AddUserAsync(new NewUser("tom", Role.Leader, "trust-a", [], []), "another password entirely"));
        for (var i = 0; i < AccountService.MaxFailedAttempts - 1; i++)
        {
            Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("tom", "guess")).Status);
        }

        var locked = await accounts.SignInAsync("tom", "guess");
        await accountStore.AddApiKeyAsync("tom", "key-hash", "nightly script");
        await accountStore.AppendAuditAsync(new AuditEntry(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), "tom", "import", "marks.csv", "127.0.0.1"));
        var secret = await accountStore.PseudonymSecretAsync("trust-a");

        Assert.Equal(SignInStatus.LockedOut, locked.Status);
        var user = (await accountStore.FindUserAsync("tom"))!.Value.User;
        Assert.Equal((Role.Teacher, "trust-a", AccountService.MaxFailedAttempts), (user.Role, user.Organisation, user.FailedAttempts));
        Assert.Equal(clock.GetUtcNow().UtcDateTime + AccountService.LockOut, user.LockedUntil);
        Assert.Equal(["North"], user.Schools);
        Assert.Equal(["10X", "11Z"], user.Classes);
        Assert.Equal(["tom"], (await accountStore.ListUsersAsync()).Select(u => u.Name));
        Assert.Equal("tom", await accountStore.FindApiKeyUserAsync("key-hash"));
        Assert.Null(await accountStore.FindApiKeyUserAsync("other-hash"));
        var entry = Assert.Single(await accountStore.ReadAuditAsync(10));
        Assert.Equal(("tom", "import", "marks.csv", new DateTime(2026, 11, 23, 9, 30, 0)), (entry.User, entry.Action, entry.Detail, entry.At));
        Assert.Equal(32, secret.Length);
        Assert.Equal(secret, await accountStore.PseudonymSecretAsync("trust-a"));
        Assert.NotEqual(secret, await accountStore.PseudonymSecretAsync("trust-b"));
        Assert.True(await accountStore.RemoveUserAsync("tom"));
        Assert.Null(await accountStore.FindApiKeyUserAsync("key-hash"));
        Assert.Null(await accountStore.FindUserAsync("tom"));
    }

    internal static async Task<ImportReport> ImportSharedAsync(IGradeStore store, string dataset)
    {
        var report = await store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SharedDatasetImportTests.SampleMapping(dataset)));
        Assert.True(report.Succeeded, report.Message);
        return report;
    }

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
