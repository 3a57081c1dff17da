using System.Data.Common;
using DuckDB.NET.Data;
using GradeLens.Core.Import;
using GradeLens.Core.Quality;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>The embedded store: one DuckDB file owned read-write by this process.</summary>
public sealed class DuckDbStore : IGradeStore
{
    private readonly string _connectionString;

    private DuckDbStore(string path)
    {
        Location = path;
        _connectionString = $"Data Source={path}";
    }

    public string Location { get; }

    /// <summary>Opens (creating if absent) the store at <paramref name="path"/>; checks its schema version.</summary>
    /// <exception cref="StoreVersionException">The file was made by another schema version.</exception>
    /// <exception cref="StoreBusyException">Another process holds the file.</exception>
    public static async Task<DuckDbStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var store = new DuckDbStore(full);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await DuckDbSchema.EnsureAsync(connection, full, cancellationToken);
        return store;
    }

    /// <summary>A new connection to the store; connections in one process share the database.</summary>
    internal async Task<DuckDBConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            await connection.DisposeAsync();
            throw new StoreBusyException(Location, e);
        }
        catch (DuckDBException e)
        {
            await connection.DisposeAsync();
            throw new UnreadableStoreException($"{Location} is not a GradeLens store DuckDB can open: {FirstLine(e.Message)}", e);
        }

        return connection;
    }

    public async Task<StoreInfo> GetInfoAsync(Scope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await DuckDbInfoQuery.RunAsync(connection, Location, scope, cancellationToken);
    }

    public async Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await new ImportPipeline(connection, request, progress).RunAsync(cancellationToken);
    }

    public async Task WriteQualityAsync(QualityData data, string organisation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await DuckDbQualityWriter.ReplaceAsync(connection, data, organisation, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

/// <summary>The file exists but is not a DuckDB database (or is damaged); it is left untouched.</summary>
public sealed class UnreadableStoreException(string message, Exception inner) : Exception(message, inner);
