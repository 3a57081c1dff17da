using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Storage;

/// <summary>
/// What a teacher's scope reaches, in the SQL of both stores: their schools, or their classes, a class only within its own
/// school ("10X at North" never reaches South's 10X).
/// </summary>
public abstract class StoreScopeContractTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-scope-").FullName;

    protected abstract Task<TestStore> CreateStoreAsync();

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public async Task A_class_reaches_only_the_students_of_its_own_school_and_schools_reach_all_of_theirs()
    {
        await using var store = await CreateStoreAsync();
        var file = Path.Combine(_directory, "classes.csv");
        await File.WriteAllTextAsync(file, "student_id,school,teaching_group,math score\nA1,North,10X,55\nA2,North,10Y,61\nA3,South,10X,70\nA4,South,11Z,40\nA5,,10X,80\n");
        Assert.True((await store.Store.ImportAsync(new ImportRequest([file], Organisation: "trust-a"))).Succeeded);
        async Task<long> StudentsAsync(Scope scope) => (await store.Store.GetInfoAsync(scope)).Students;
        ClassScope North10X = new("North", "10X"), South10X = new("South", "10X");

        Assert.Equal(1, await StudentsAsync(new Scope("trust-a", Classes: [North10X])));
        Assert.Equal(1, await StudentsAsync(new Scope("trust-a", Classes: [South10X])));
        Assert.Equal(2, await StudentsAsync(new Scope("trust-a", Classes: [North10X, South10X])));
        Assert.Equal(2, await StudentsAsync(new Scope("trust-a", Schools: ["North"])));
        Assert.Equal(3, await StudentsAsync(new Scope("trust-a", Schools: ["North"], Classes: [South10X])));
        Assert.Equal(1, await StudentsAsync(new Scope("trust-a", Schools: [], Classes: [new("South", "11Z")])));
        Assert.Equal(0, await StudentsAsync(new Scope("trust-a", Classes: [new("North", "11Z")])));
        Assert.Equal(0, await StudentsAsync(new Scope("trust-a", Classes: [new(null, "10X")])));
        Assert.Equal(0, await StudentsAsync(new Scope("trust-a", Schools: [], Classes: [])));
        Assert.Equal(0, await StudentsAsync(new Scope("trust-a", Classes: [new("North", "10X' OR '1'='1"), new("North' OR '1'='1", "10X")])));
        Assert.Equal(0, await StudentsAsync(new Scope("trust-b", Classes: [North10X])));

        var subject = Assert.Single((await store.Store.GetInfoAsync(Scope.Everything)).Subjects);
        var box = Assert.Single(await store.Store.GetSeriesBoxesAsync(new Scope("trust-a", Classes: [South10X, North10X]), new TrackingFilter(subject)));
        Assert.Equal((2L, 62.5), (box.N, box.Mean));
    }

    [StoreFact]
    public async Task A_scope_with_a_class_keeps_its_own_answers_apart_from_the_same_class_of_another_school()
    {
        await using var store = await CreateStoreAsync();
        var computed = 0;
        Task<string> Compute(CancellationToken _) => Task.FromResult($"answer {++computed}");

        await store.Store.RememberAsync(AnswerKey.For("k", new Scope("trust-a", Classes: [new("North", "10X")])), Compute);
        await store.Store.RememberAsync(AnswerKey.For("k", new Scope("trust-a", Classes: [new("South", "10X")])), Compute);
        await store.Store.RememberAsync(AnswerKey.For("k", new Scope("trust-a", Classes: [new("North", "10X")])), Compute);

        Assert.Equal(2, computed);
    }
}

public sealed class DuckDbStoreScopeContractTests : StoreScopeContractTests
{
    protected override Task<TestStore> CreateStoreAsync() => StoreKinds.DuckDbAsync();
}

[RequiresPostgres]
public sealed class PostgresStoreScopeContractTests : StoreScopeContractTests
{
    protected override Task<TestStore> CreateStoreAsync() => StoreKinds.PostgresAsync();
}
