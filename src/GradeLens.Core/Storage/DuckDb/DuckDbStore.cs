using System.Data.Common;
using DuckDB.NET.Data;
using GradeLens.Core.Gaps;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Writing;
using GradeLens.Core.Quality;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file owned read-write by this process. A root connection is held open
/// for the store's lifetime (it holds the file lock); every operation works on its own connection to the same instance, so
/// concurrent requests share one database instance. Backup and restore: DuckDbStore.Backup.cs.
/// </summary>
public sealed partial class DuckDbStore : IGradeStore
{
    private readonly DuckDBConnection _root;
    private readonly AnswerCache _answers = new();
    private readonly DuckDbGapScores _gapScores = new();

    private DuckDbStore(string path, DuckDBConnection root)
    {
        Location = path;
        _root = root;
        Accounts = new StoreAccounts(async token => await OpenConnectionAsync(token), StoreSqlDialect.DuckDb);
    }

    public string Location { get; }

    public Accounts.IAccountStore Accounts { get; }

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

    /// <summary>A new connection to the same database instance.</summary>
    internal async Task<DuckDBConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        // DuckDB.NET shares one database instance among the connections of a process to the same file.
        var connection = new DuckDBConnection(_root.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task<StoreInfo> GetInfoAsync(Scope scope, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await StoreInfoQuery.RunAsync(connection, StoreSqlDialect.DuckDb, Location, scope, cancellationToken);
    }

    public async Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            var capped = await ImportMemoryLimit.ApplyAsync(connection, cancellationToken);
            try
            {
                await using var writer = new DuckDbImportWriter(connection);
                return await new ImportPipeline(connection, writer, request, progress).RunAsync(cancellationToken);
            }
            finally
            {
                await ImportMemoryLimit.RestoreAsync(connection, capped);
            }
        }
        finally
        {
            _answers.Clear();
        }
    }

    public async Task<IReadOnlyList<SeriesBox>> GetSeriesBoxesAsync(Scope scope, TrackingFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await CachedAsync(AnswerCache.Key("series", scope, filter.Subject, filter.Attribute, filter.Value), (connection, token) => SeriesQueries.BoxesAsync(connection, StoreSqlDialect.DuckDb, scope, filter, token), cancellationToken);
    }

    public async Task<SubjectStudents> GetSubjectStudentsAsync(Scope scope, TrackingFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await CachedAsync(AnswerCache.Key("students", scope, filter.Subject, filter.Attribute, filter.Value, limit), (connection, token) => DuckDbTrackingQueries.StudentsAsync(connection, scope, filter, limit, token), cancellationToken);
    }

    public async Task<IReadOnlyList<SubjectStanding>> GetSubjectStandingsAsync(Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await DuckDbTrackingQueries.StandingsAsync(connection, scope, studentId, cancellationToken);
    }

    public async Task<IReadOnlyList<StudentResult>> GetStudentResultsAsync(Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await StudentQueries.ResultsAsync(connection, StoreSqlDialect.DuckDb, scope, studentId, cancellationToken);
    }

    public async Task<BaselineComparison> GetBaselineComparisonAsync(Scope scope, TrackingFilter filter, int furthest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await CachedAsync(AnswerCache.Key("baseline", scope, filter.Subject, filter.Attribute, filter.Value, furthest), (connection, token) => DuckDbTrackingQueries.BaselineComparisonAsync(connection, scope, filter, furthest, token), cancellationToken);
    }

    public async Task<SubjectScale?> GetSubjectScaleAsync(Scope scope, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await SubjectQueries.ScaleAsync(connection, StoreSqlDialect.DuckDb, scope, subject, cancellationToken);
    }

    public Task<IReadOnlyList<TrackingSubject>> GetTrackingSubjectsAsync(Scope scope, CancellationToken cancellationToken = default) =>
        CachedAsync(AnswerCache.Key("subjects", scope), (connection, token) => SubjectQueries.SubjectsAsync(connection, StoreSqlDialect.DuckDb, scope, token), cancellationToken);

    public async Task<IReadOnlyList<TrackingGroup>> GetTrackingGroupsAsync(Scope scope, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return await CachedAsync(AnswerCache.Key("groups", scope, subject), (connection, token) => SubjectQueries.GroupsAsync(connection, StoreSqlDialect.DuckDb, scope, subject, token), cancellationToken);
    }

    public async Task<IReadOnlyList<MockBackTest>> GetMockBackTestsAsync(Scope scope, TrackingFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await CachedAsync(AnswerCache.Key("backtest", scope, filter.Subject, filter.Attribute, filter.Value), (connection, token) => DuckDbTrackingExtras.BackTestAsync(connection, scope, filter, token), cancellationToken);
    }

    public async Task<GroupAggregates> GetGroupAggregatesAsync(Scope scope, GapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await _gapScores.EnsureAsync(connection, cancellationToken);
        return await DuckDbGapQueries.GroupAggregatesAsync(connection, scope, request, cancellationToken);
    }

    public async Task<Risk.RiskFeatureSet> GetRiskFeaturesAsync(Scope scope, Risk.RiskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await RiskQueries.FeaturesAsync(connection, StoreSqlDialect.DuckDb, scope, request, cancellationToken);
    }

    public async Task<Risk.StudentTable> GetStudentTableAsync(Scope scope, string? series, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await RiskQueries.TableAsync(connection, StoreSqlDialect.DuckDb, scope, series, cancellationToken);
    }

    public async Task WriteQualityAsync(QualityData data, string organisation, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await DuckDbQualityWriter.ReplaceAsync(connection, data, organisation, cancellationToken);
        }
        finally
        {
            _answers.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gapScores.Dispose();
        return _root.DisposeAsync();
    }

    public Task<T> RememberAsync<T>(string key, Scope scope, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken = default)
        where T : class =>
        _answers.GetOrAddAsync(AnswerCache.Key("computed\u001f" + key, scope), compute, cancellationToken);

    /// <summary>An aggregate answer from the cache, or from <paramref name="query"/> on a new connection (kept until the data changes).</summary>
    private Task<T> CachedAsync<T>(string key, Func<DuckDBConnection, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
        where T : class =>
        _answers.GetOrAddAsync(key, async token =>
        {
            await using var connection = await OpenConnectionAsync(token);
            return await query(connection, token);
        }, cancellationToken);

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
