namespace GradeLens.Core.Tests.Storage;

/// <summary>The store contract on DuckDB: a new store file per test.</summary>
public sealed class DuckDbStoreContractTests : StoreContractTests
{
    protected override async Task<TestStore> CreateStoreAsync()
    {
        var temp = await TempStore.CreateAsync();
        return new TestStore(temp.Store, () =>
        {
            Directory.Delete(temp.Directory, recursive: true);
            return ValueTask.CompletedTask;
        });
    }
}
