using System.Data.Common;
using GradeLens.Core.Storage.DuckDb;
using Npgsql;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// The shared store: a PostgreSQL database that several GradeLens servers may use at once, through a pooled
/// <see cref="NpgsqlDataSource"/>. Imports stage and validate in an in-memory DuckDB (the one import pipeline), then
/// write here by binary COPY in one transaction. Cached answers are keyed on the store's data version (the import
/// log), so an import by another server is seen on the next request (docs/decisions/0005-postgresql-store.md).
/// </summary>
public sealed partial class PostgresStore : IGradeStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresStore(string location, NpgsqlDataSource dataSource)
    {
        Location = location;
        _dataSource = dataSource;
        Accounts = new StoreAccounts(async token => await dataSource.OpenConnectionAsync(token), StoreSqlDialect.Postgres);
    }

    /// <summary>The URL without its password.</summary>
    public string Location { get; }

    /// <summary>Users, API keys, the audit log and pseudonym keys, in this database (shared by every server on it).</summary>
    public Accounts.IAccountStore Accounts { get; }

    public StoreSqlDialect Sql => StoreSqlDialect.Postgres;

    public AnswerCache Answers { get; } = new();

    /// <summary>Opens the store at a postgres:// URL: creates the schema in an empty database, or checks its version.</summary>
    /// <exception cref="StoreVersionException">The database holds a store of another schema version.</exception>
    /// <exception cref="UnreadableStoreException">The server cannot be reached, or the database holds other tables.</exception>
    public static async Task<PostgresStore> OpenAsync(string url, CancellationToken cancellationToken = default)
    {
        ImportMemoryLimit.Configured(); // a malformed GRADELENS_IMPORT_MEMORY is said when the store opens, not mid-import
        var parsed = PostgresUrl.Parse(url);
        var dataSource = NpgsqlDataSource.Create(parsed.ConnectionString);
        try
        {
            await PostgresSchema.EnsureAsync(dataSource, parsed.Display, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            await dataSource.DisposeAsync();
            throw new UnreadableStoreException($"{parsed.Display} could not be opened as a GradeLens store: {e.Message.Split('\n', 2)[0].Trim()}", e);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new PostgresStore(parsed.Display, dataSource);
    }

    async Task<DbConnection> IGradeStore.OpenConnectionAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>The pooled data source (imports write through it by binary COPY).</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// The store's data version: the import log's rows and latest import (an import adds to it), and the transaction
    /// that wrote schema_info's row (a restore rewrites every table, schema_info too, so the version changes even when
    /// the restored import log matches the one it replaced).
    /// </summary>
    private const string VersionSql = """
        SELECT count(*)::text || '|' || coalesce(max(imported_at)::text, '') || '|'
            || (SELECT coalesce(max(xmin::text::bigint), 0)::text FROM schema_info)
        FROM import_log
        """;

    /// <summary>
    /// Reading the version is one tiny query (the import log is a row per imported table); another server's import, or
    /// a restore anywhere, changes it.
    /// </summary>
    public async Task<string> GetDataVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(VersionSql, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
