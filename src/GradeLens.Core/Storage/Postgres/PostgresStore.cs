using DuckDB.NET.Data;
using GradeLens.Core.Gaps;
using GradeLens.Core.Import;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage.DuckDb;
using GradeLens.Core.Tracking;
using Npgsql;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// The shared store: a PostgreSQL database that several GradeLens servers may use at once, through a pooled
/// <see cref="NpgsqlDataSource"/>. Imports stage and validate in an in-memory DuckDB (the one import pipeline), then
/// write here by binary COPY in one transaction. Cached answers are keyed on the store's data version (the import
/// log), so an import by another server is seen on the next request (docs/decisions/0005).
/// </summary>
public sealed partial class PostgresStore : IGradeStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly AnswerCache _answers = new();
    private readonly Lock _versionLock = new();
    private string? _cachedVersion;

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

    /// <remarks>Cached like every aggregate: at a million students its twenty counts take seconds on PostgreSQL.</remarks>
    public Task<StoreInfo> GetInfoAsync(Scope scope, CancellationToken cancellationToken = default) =>
        CachedAsync(AnswerCache.Key("info", scope), (c, t) => StoreInfoQuery.RunAsync(c, StoreSqlDialect.Postgres, Location, scope, t), cancellationToken);

    public async Task<ImportReport> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            // The staging database is in memory and thrown away; under the import's memory cap it spills to its own temp folder.
            var spill = Directory.CreateTempSubdirectory("gradelens-staging-").FullName;
            try
            {
                await using var staging = new DuckDBConnection("Data Source=:memory:");
                await staging.OpenAsync(cancellationToken);
                await DuckDbStore.ExecuteAsync(staging, $"SET temp_directory = '{spill.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken);
                await ImportMemoryLimit.ApplyAsync(staging, cancellationToken);
                await using var writer = new PostgresImportWriter(staging, _dataSource);
                return await new ImportPipeline(staging, writer, request, progress).RunAsync(cancellationToken);
            }
            finally
            {
                Directory.Delete(spill, recursive: true);
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
        return await CachedAsync(AnswerCache.Key("series", scope, filter.Subject, filter.Attribute, filter.Value), (c, t) => SeriesQueries.BoxesAsync(c, StoreSqlDialect.Postgres, scope, filter, t), cancellationToken);
    }

    public async Task<SubjectStudents> GetSubjectStudentsAsync(Scope scope, TrackingFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await CachedAsync(AnswerCache.Key("students", scope, filter.Subject, filter.Attribute, filter.Value, limit), (c, t) => PostgresTrackingQueries.StudentsAsync(c, scope, filter, limit, t), cancellationToken);
    }

    public async Task<IReadOnlyList<SubjectStanding>> GetSubjectStandingsAsync(Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgresTrackingQueries.StandingsAsync(connection, scope, studentId, cancellationToken);
    }

    public async Task<IReadOnlyList<StudentResult>> GetStudentResultsAsync(Scope scope, string studentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studentId);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await StudentQueries.ResultsAsync(connection, StoreSqlDialect.Postgres, scope, studentId, cancellationToken);
    }

    public async Task<BaselineComparison> GetBaselineComparisonAsync(Scope scope, TrackingFilter filter, int furthest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await CachedAsync(AnswerCache.Key("baseline", scope, filter.Subject, filter.Attribute, filter.Value, furthest), (c, t) => PostgresTrackingQueries.BaselineComparisonAsync(c, scope, filter, furthest, t), cancellationToken);
    }

    public async Task<SubjectScale?> GetSubjectScaleAsync(Scope scope, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await SubjectQueries.ScaleAsync(connection, StoreSqlDialect.Postgres, scope, subject, cancellationToken);
    }

    public Task<IReadOnlyList<TrackingSubject>> GetTrackingSubjectsAsync(Scope scope, CancellationToken cancellationToken = default) =>
        CachedAsync(AnswerCache.Key("subjects", scope), (c, t) => SubjectQueries.SubjectsAsync(c, StoreSqlDialect.Postgres, scope, t), cancellationToken);

    public async Task<IReadOnlyList<TrackingGroup>> GetTrackingGroupsAsync(Scope scope, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return await CachedAsync(AnswerCache.Key("groups", scope, subject), (c, t) => SubjectQueries.GroupsAsync(c, StoreSqlDialect.Postgres, scope, subject, t), cancellationToken);
    }

    public async Task<IReadOnlyList<MockBackTest>> GetMockBackTestsAsync(Scope scope, TrackingFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await CachedAsync(AnswerCache.Key("backtest", scope, filter.Subject, filter.Attribute, filter.Value), (c, t) => PostgresTrackingExtras.BackTestAsync(c, scope, filter, t), cancellationToken);
    }

    public async Task<GroupAggregates> GetGroupAggregatesAsync(Scope scope, GapRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = AnswerCache.Key("gaps", scope, request.Attribute, string.Join(',', request.Dimensions), request.Series, request.Subject, request.MinimumCellSize);
        return await CachedAsync(key, (c, t) => PostgresGapQueries.GroupAggregatesAsync(c, scope, request, t), cancellationToken);
    }

    public async Task<Risk.RiskFeatureSet> GetRiskFeaturesAsync(Scope scope, Risk.RiskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await RiskQueries.FeaturesAsync(connection, StoreSqlDialect.Postgres, scope, request, cancellationToken);
    }

    public async Task<Risk.StudentTable> GetStudentTableAsync(Scope scope, string? series, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await RiskQueries.TableAsync(connection, StoreSqlDialect.Postgres, scope, series, cancellationToken);
    }

    public async Task WriteQualityAsync(QualityData data, string organisation, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await PostgresQualityWriter.ReplaceAsync(connection, data, organisation, cancellationToken);
        }
        finally
        {
            // The quality tables are not imports, so the data version does not see them; this server's answers go.
            _answers.Clear();
        }
    }

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
    /// An aggregate answer from the cache while the store's data version is the one it was computed on. Reading the
    /// version is one tiny query (the import log is a row per imported table); another server's import changes it.
    /// </summary>
    private Task<T> CachedAsync<T>(string key, Func<NpgsqlConnection, CancellationToken, Task<T>> query, CancellationToken cancellationToken)
        where T : class =>
        KeptAsync(key, async token =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(token);
            return await query(connection, token);
        }, cancellationToken);

    public Task<T> RememberAsync<T>(string key, Scope scope, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken = default)
        where T : class =>
        KeptAsync(AnswerCache.Key("computed\u001f" + key, scope), compute, cancellationToken);

    /// <summary>The kept answer for <paramref name="key"/> at the store's current data version, or the one <paramref name="compute"/> gives.</summary>
    private async Task<T> KeptAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        string version;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
        await using (var command = new NpgsqlCommand(VersionSql, connection))
        {
            version = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        lock (_versionLock)
        {
            if (_cachedVersion != version)
            {
                _answers.Clear();
                _cachedVersion = version;
            }
        }

        return await _answers.GetOrAddAsync(version + "\u001d" + key, compute, cancellationToken);
    }
}
