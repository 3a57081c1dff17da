using System.Data.Common;
using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file owned read-write by this process. A root connection is held open
/// for the store's lifetime (it holds the file lock); every operation works on its own connection to the same instance, so
/// concurrent requests share one database instance. Backup and restore: DuckDbStore.Backup.cs; imports: Import/StoreImport.cs.
/// </summary>
public sealed partial class DuckDbStore : IGradeStore
{
    private readonly DuckDBConnection _root;
    private int _restores;
    private int _disposed;

    private DuckDbStore(string path, DuckDBConnection root)
    {
        Location = path;
        _root = root;
        Accounts = new StoreAccounts(async token => await OpenConnectionAsync(token), StoreSqlDialect.DuckDb);
    }

    public string Location { get; }

    public Accounts.IAccountStore Accounts { get; }

    public StoreSqlDialect Sql => StoreSqlDialect.DuckDb;

    public AnswerCache Answers { get; } = new();

    /// <summary>Opens (creating if absent) the store at <paramref name="path"/>; checks its schema version.</summary>
    /// <exception cref="StoreVersionException">The file was made by another schema version.</exception>
    /// <exception cref="StoreBusyException">Another process holds the file.</exception>
    public static async Task<DuckDbStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ImportMemoryLimit.Configured(); // a malformed GRADELENS_IMPORT_MEMORY is said when the store opens, not mid-import
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        if (!LooksLikeDuckDbFile(full))
        {
            throw new UnreadableStoreException($"{full} is not a GradeLens store: it exists but is not a DuckDB database file. It was not changed; choose another --store path.", null);
        }

        var root = new DuckDBConnection($"Data Source={full}");
        try
        {
            await root.OpenAsync(cancellationToken);
            await DuckDbSchema.EnsureAsync(root, full, cancellationToken);
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            await root.DisposeAsync();
            throw new StoreBusyException(full, e);
        }
        catch (DuckDBException e)
        {
            await root.DisposeAsync();
            throw new UnreadableStoreException($"{full} is not a GradeLens store that DuckDB can open: {FirstLine(e.Message)}", e);
        }
        catch
        {
            await root.DisposeAsync();
            throw;
        }

        return new DuckDbStore(full, root);
    }

    async Task<DbConnection> IGradeStore.OpenConnectionAsync(CancellationToken cancellationToken) => await OpenConnectionAsync(cancellationToken);

    /// <summary>A new connection to the same database instance.</summary>
    public async Task<DuckDBConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        // A closed store stays closed: a new connection would open the file again as a database instance of its own.
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // DuckDB.NET shares one database instance among the connections of a process to the same file.
        var connection = new DuckDBConnection(_root.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// The import log (every import and quality-data write adds a row) and this process's count of restores (a restore
    /// can bring back a log like the one it replaces). One tiny query: the file has one owner, so nothing else changes it.
    /// </summary>
    public async Task<string> GetDataVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*)::VARCHAR || '|' || coalesce(max(imported_at)::VARCHAR, '') FROM import_log";
        return Volatile.Read(ref _restores).ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        return _root.DisposeAsync();
    }

    internal static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A missing or empty file (a new store), or one with DuckDB's magic bytes at offset 8.</summary>
    private static bool LooksLikeDuckDbFile(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return true;
        }

        Span<byte> header = stackalloc byte[12];
        using var stream = File.OpenRead(path);
        return stream.Read(header) == 12 && header[8..].SequenceEqual("DUCK"u8);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
