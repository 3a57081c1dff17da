using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Storage.Postgres;
using Npgsql;

namespace GradeLens.Core.Tests.Storage;

/// <summary>The upgrade contract on DuckDB: an old store is a file made by its SQL.</summary>
public sealed class DuckDbSchemaUpgradeTests : SchemaUpgradeContractTests
{
    protected override async Task<TestStore> CreateStoreAsync() => await StoreKinds.DuckDbAsync();

    protected override async Task<OldStore> CreateOldStoreAsync(string duckDbSql)
    {
        var directory = Directory.CreateTempSubdirectory("gradelens-old-").FullName;
        var path = Path.Combine(directory, "old.duckdb");
        await using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = duckDbSql;
            await command.ExecuteNonQueryAsync();
        }

        return new OldStore(path, async () =>
        {
            // Read-only, so a test may look while the store is closed.
            var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
            await connection.OpenAsync();
            return connection;
        }, () =>
        {
            Directory.Delete(directory, recursive: true);
            return ValueTask.CompletedTask;
        });
    }
}

/// <summary>The upgrade contract on PostgreSQL: an old store is a database made by its SQL (with the indexes versions 1 and 2 made).</summary>
[RequiresPostgres]
public sealed class PostgresSchemaUpgradeTests : SchemaUpgradeContractTests
{
    protected override async Task<TestStore> CreateStoreAsync() => await StoreKinds.PostgresAsync();

    protected override async Task<OldStore> CreateOldStoreAsync(string duckDbSql)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        await database.ExecuteAsync(PostgresSchema.Translate(duckDbSql) + ";" + OldStores.PostgresIndexes);
        return new OldStore(database.Url, async () =>
        {
            var connection = new NpgsqlConnection(PostgresUrl.Parse(database.Url).ConnectionString);
            await connection.OpenAsync();
            return connection;
        }, database.DisposeAsync);
    }
}

/// <summary>A new store of each kind, removed afterwards.</summary>
public static class StoreKinds
{
    public static async Task<TestStore> DuckDbAsync()
    {
        var temp = await TempStore.CreateAsync();
        return new TestStore(temp.Store, () =>
        {
            Directory.Delete(temp.Directory, recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    public static async Task<TestStore> PostgresAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return new TestStore(await PostgresStore.OpenAsync(database.Url), database.DisposeAsync);
    }
}

/// <summary>Where an old store was made, a raw connection to look at it (without GradeLens), and what removes it.</summary>
public sealed class OldStore(string location, Func<Task<DbConnection>> connect, Func<ValueTask> remove) : IAsyncDisposable
{
    public string Location { get; } = location;

    public async Task<IReadOnlyList<string>> ColumnsAsync()
    {
        await using var connection = await connect();
        return await OldStores.ColumnsAsync(connection);
    }

    /// <summary>The version schema_info records, read without GradeLens.</summary>
    public async Task<int> VersionAsync()
    {
        await using var connection = await connect();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM schema_info";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => remove();
}
