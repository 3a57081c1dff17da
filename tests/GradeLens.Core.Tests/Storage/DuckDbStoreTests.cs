using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Tests.Storage;

public sealed class DuckDbStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_new_store_has_the_schema_version_and_empty_tables()
    {
        await using var store = await DuckDbStore.OpenAsync(Path.Combine(_directory, "s.duckdb"));
        var info = await store.GetInfoAsync(Scope.Everything);
        Assert.Equal(StoreSchema.Version, info.SchemaVersion);
        Assert.Equal(StoreSchema.Tables.Count, info.TableCounts.Count);
        Assert.All(info.TableCounts.Values, count => Assert.Equal(0, count));
    }
}
