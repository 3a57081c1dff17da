using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Import.Staging;
using GradeLens.Core.Storage;
using Npgsql;
using NpgsqlTypes;
using static GradeLens.Core.Storage.Postgres.StagedCopy;

namespace GradeLens.Core.Import.Writing;

/// <summary>
/// A PostgreSQL store's writer: each write set is binary-copied from the staging DuckDB into temp tables, then
/// upserted by SQL, all in one PostgreSQL transaction (a failure or a dispose before commit rolls it all back).
/// Imports from several app servers take turns (a transaction-level advisory lock), so new keys never collide.
/// </summary>
internal sealed class PostgresImportWriter(DuckDBConnection staging, NpgsqlDataSource dataSource) : IImportWriter
{
    /// <summary>The transaction-level advisory lock imports (and undos) take in turn.</summary>
    internal const long ImportLock = 0x4772_6164_6549_6d70; // "GradeImp"

    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private int _tables;

    public long ImportId { get; private set; }

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("BeginAsync first.");

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync($"SELECT pg_advisory_xact_lock({ImportLock})", null, cancellationToken);
        await using var next = new NpgsqlCommand(ImportRun.NextIdSql, Connection, _transaction);
        ImportId = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<WriteCounts> WriteStudentsAsync(StudentWriteSet set, string organisation, CancellationToken cancellationToken)
    {
        await set.CreateViewsAsync(staging, organisation, cancellationToken);
        var n = (_tables++).ToString(CultureInfo.InvariantCulture);
        await CopyAsync(staging, set.Assessments, Connection, $"in_assessments_{n}",
            [new("series", NpgsqlDbType.Text), new("series_order", NpgsqlDbType.Integer), new("subject", NpgsqlDbType.Text), new("domain", NpgsqlDbType.Text),
             new("taken_on", NpgsqlDbType.Date), new("scale_id", NpgsqlDbType.Text), new("max_score", NpgsqlDbType.Double), new("proficiency", NpgsqlDbType.Double),
             new("weight", NpgsqlDbType.Double)], cancellationToken);
        await CopyAsync(staging, set.Students, Connection, $"in_students_{n}",
            [new("student_id", NpgsqlDbType.Text), new("school", NpgsqlDbType.Text), new("region", NpgsqlDbType.Text), new("grade_level", NpgsqlDbType.Text),
             new("gender", NpgsqlDbType.Text), new("new_key", NpgsqlDbType.Bigint)], cancellationToken);
        await CopyAsync(staging, set.Attributes, Connection, $"in_attributes_{n}",
            [new("student_id", NpgsqlDbType.Text), new("name", NpgsqlDbType.Text), new("value", NpgsqlDbType.Text)], cancellationToken);
        await CopyAsync(staging, set.EnrolmentAttributes, Connection, $"in_enrolment_attributes_{n}",
            [new("student_id", NpgsqlDbType.Text), new("enrolment", NpgsqlDbType.Text), new("name", NpgsqlDbType.Text), new("value", NpgsqlDbType.Text)], cancellationToken);
        await CopyAsync(staging, set.Results, Connection, $"in_results_{n}",
            [new("student_id", NpgsqlDbType.Text), new("series", NpgsqlDbType.Text), new("subject", NpgsqlDbType.Text), new("domain", NpgsqlDbType.Text),
             new("score", NpgsqlDbType.Double), new("grade", NpgsqlDbType.Text)], cancellationToken);
        await CopyAsync(staging, set.Baselines, Connection, $"in_baselines_{n}",
            [new("student_id", NpgsqlDbType.Text), new("subject", NpgsqlDbType.Text), new("expected", NpgsqlDbType.Double), new("scale", NpgsqlDbType.Text),
             new("source", NpgsqlDbType.Text)], cancellationToken);
        ImportTrace.Mark("copied to PostgreSQL");
        return await PostgresStudentUpsert.RunAsync(Connection, n, organisation, set.IdsGenerated, set.Source, ImportId, cancellationToken);
    }

    public async Task<WriteCounts> WriteAreasAsync(AreaWriteSet set, string organisation, CancellationToken cancellationToken)
    {
        await set.CreateViewsAsync(staging, cancellationToken);
        var n = (_tables++).ToString(CultureInfo.InvariantCulture);
        await CopyAsync(staging, set.Areas, Connection, $"in_areas_{n}",
            [new("level", NpgsqlDbType.Text), new("name", NpgsqlDbType.Text), new("parent", NpgsqlDbType.Text), new("code", NpgsqlDbType.Text)], cancellationToken);
        var figures = await CopyAsync(staging, set.Figures, Connection, $"in_area_figures_{n}",
            [new("level", NpgsqlDbType.Text), new("name", NpgsqlDbType.Text), new("parent", NpgsqlDbType.Text), new("year", NpgsqlDbType.Integer),
             new("is_score", NpgsqlDbType.Boolean), new("measure", NpgsqlDbType.Text), new("subject", NpgsqlDbType.Text), new("grade_level", NpgsqlDbType.Text),
             new("value", NpgsqlDbType.Double)], cancellationToken);
        await ExecuteAsync(AreaUpsert.WriteSql(n, $"in_areas_{n}", $"in_area_figures_{n}", "@org", "@source", "CREATE TEMP TABLE", ImportId).Replace(" AS\n", " ON COMMIT DROP AS\n", StringComparison.Ordinal), command =>
        {
            StoreSqlDialect.Postgres.Parameter(command, "org", organisation);
            StoreSqlDialect.Postgres.Parameter(command, "source", set.Source);
        }, cancellationToken);
        await using var list = new NpgsqlCommand(AreaUpsert.ListSql(n, ChangeList.Listed), Connection, _transaction);
        var (changes, total) = await ChangeList.ReadAsync(list, cancellationToken);
        return WriteCounts.None with { AreaRowsWritten = figures, Changes = changes, ChangesTotal = total };
    }

    public Task AppendLogAsync(ImportLogEntry entry, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO import_log VALUES (localtimestamp, @org, @file, @hash, @rows, @rejected, @summary)", command =>
        {
            StoreSqlDialect.Postgres.Parameter(command, "org", entry.Organisation);
            StoreSqlDialect.Postgres.Parameter(command, "file", entry.File);
            StoreSqlDialect.Postgres.Parameter(command, "hash", entry.Sha256);
            StoreSqlDialect.Postgres.Parameter(command, "rows", entry.RowsRead);
            StoreSqlDialect.Postgres.Parameter(command, "rejected", entry.RowsRejected);
            StoreSqlDialect.Postgres.Parameter(command, "summary", entry.Summary);
        }, cancellationToken);

    public async Task RecordImportAsync(ImportRun run, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(null, Connection, _transaction);
        await run.InsertAsync(command, StoreSqlDialect.Postgres, cancellationToken);
    }

    /// <summary>
    /// Refreshes the planner's statistics of the written tables, then commits. Without them a freshly loaded store looks
    /// empty to the planner until autovacuum comes by, and it picks nested loops that take seconds instead of milliseconds.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("ANALYZE students, student_attributes, enrolment_attributes, assessments, results, baselines, areas, area_measures, area_scores", null, cancellationToken);
        await _transaction!.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task ExecuteAsync(string sql, Action<NpgsqlCommand>? parameters, CancellationToken cancellationToken)
    {
        // An import's statements run as long as the data needs (millions of rows): no client-side timeout.
        await using var command = new NpgsqlCommand(sql, Connection, _transaction) { CommandTimeout = 0 };
        parameters?.Invoke(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
