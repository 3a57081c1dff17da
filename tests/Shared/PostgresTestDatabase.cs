using GradeLens.Core.Storage.Postgres;
using Npgsql;

namespace GradeLens.Testing;

/// <summary>
/// A fresh database (gl_&lt;guid&gt;) on the test server that scripts/test starts (GRADELENS_TEST_POSTGRES), dropped
/// afterwards: each test has its own, so tests run in parallel and never see each other's rows.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "GRADELENS_TEST_POSTGRES";

    public const string SkipReason =
        "GRADELENS_TEST_POSTGRES is not set: no PostgreSQL test server (scripts/test starts one; or run scripts/postgres-test-server start DIR and export the URL it prints)";

    private readonly string _name;

    private PostgresTestDatabase(string name, string url)
    {
        _name = name;
        Url = url;
    }

    /// <summary>postgres://postgres@127.0.0.1:PORT/postgres, or null when no test server was started.</summary>
    public static string? ServerUrl =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } url ? url : null;

    /// <summary>The new database's URL (a --store value).</summary>
    public string Url { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = ServerUrl ?? throw new InvalidOperationException(SkipReason);
        var name = "gl_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(PostgresUrl.Parse(server).ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var uri = new UriBuilder(server) { Path = "/" + name };
        return new PostgresTestDatabase(name, uri.Uri.ToString().Replace("postgresql://", "postgres://", StringComparison.Ordinal));
    }

    /// <summary>Runs SQL in the test database (to set up what a test needs: an old version, a foreign table, a failing trigger).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.Parse(Url).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresUrl.Parse(ServerUrl!).ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
