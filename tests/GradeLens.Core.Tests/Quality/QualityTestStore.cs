using System.Data.Common;
using DuckDB.NET.Data;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Postgres;
using GradeLens.Core.Tests.Storage;
using Npgsql;

namespace GradeLens.Core.Tests.Quality;

/// <summary>
/// A store's tables (the store's whole schema, the quality tables among them) in an in-memory DuckDB database, or in a
/// fresh PostgreSQL database on the test server. One per test.
/// </summary>
internal sealed class QualityTestStore : IAsyncDisposable
{
    private readonly PostgresTestDatabase? _database;

    private QualityTestStore(DbConnection connection, StoreSqlDialect sql, PostgresTestDatabase? database)
    {
        Connection = connection;
        Sql = sql;
        _database = database;
    }

    public DbConnection Connection { get; }

    public StoreSqlDialect Sql { get; }

    public static async Task<QualityTestStore> DuckDbAsync()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await ExecuteAsync(connection, StoreSchema.CreateSql);
        return new QualityTestStore(connection, StoreSqlDialect.DuckDb, null);
    }

    public static async Task<QualityTestStore> PostgresAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var connection = new NpgsqlConnection(PostgresUrl.Parse(database.Url).ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, PostgresSchema.CreateSql);
        return new QualityTestStore(connection, StoreSqlDialect.Postgres, database);
    }

    /// <summary>A store with <paramref name="data"/> written for <paramref name="organisation"/>.</summary>
    public static async Task<QualityTestStore> WithAsync(bool postgres, QualityData data, string organisation = "uni")
    {
        var store = postgres ? await PostgresAsync() : await DuckDbAsync();
        await QualityWriter.ReplaceAsync(store.Connection, store.Sql, organisation, data, default);
        return store;
    }

    public async Task ExecuteAsync(string sql) => await ExecuteAsync(Connection, sql);

    public async Task<long> CountAsync(string table, string organisation = "uni")
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = Sql.Parameters($"SELECT count(*) FROM {table} WHERE organisation = {Sql.Parameter(command, "org", organisation)}");
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Every row of a table as text, sorted: to compare a table before and after.</summary>
    public async Task<IReadOnlyList<string>> RowsAsync(string table)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Text(reader.GetValue(i)))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>A value as text the same on both stores (DuckDB reads a DATE as DateOnly, Npgsql as DateTime).</summary>
    private static string Text(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
