using DuckDB.NET.Data;
using GradeLens.Core.Import.Staging;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Import.Writing;

/// <summary>
/// A DuckDB store's writer: each write set's views, computed in the import's own staging instance, are moved into the
/// store's connection (<see cref="StagedTransfer"/>) and upserted there by SQL, in one transaction of the store. An
/// exclusive import stages in the store's own connection (<paramref name="staging"/> is <paramref name="connection"/>): nothing to move.
/// </summary>
internal sealed class DuckDbImportWriter(DuckDBConnection staging, DuckDBConnection connection, string folder) : IImportWriter
{
    private DuckDBTransaction? _transaction;

    public long ImportId { get; private set; }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        _transaction = (DuckDBTransaction)await connection.BeginTransactionAsync(cancellationToken);
        ImportId = await ColumnFacts.ScalarAsync(connection, ImportRun.NextIdSql, cancellationToken);
    }

    public async Task<WriteCounts> WriteStudentsAsync(StudentWriteSet set, string organisation, CancellationToken cancellationToken)
    {
        await set.CreateViewsAsync(staging, organisation, cancellationToken);
        if (staging != connection)
        {
            await StagedTransfer.CopyAsync(staging, connection, folder, [set.Assessments, set.Students, set.Attributes, set.EnrolmentAttributes, set.Results, set.Baselines], cancellationToken);
        }

        ImportTrace.Mark("moved to the store");
        return await new StudentWriter(connection, set, organisation, ImportId).WriteAsync(cancellationToken);
    }

    public async Task<WriteCounts> WriteAreasAsync(AreaWriteSet set, string organisation, CancellationToken cancellationToken)
    {
        await set.CreateViewsAsync(staging, cancellationToken);
        if (staging != connection)
        {
            await StagedTransfer.CopyAsync(staging, connection, folder, [set.Areas, set.Figures], cancellationToken);
        }

        return await AreaRows.WriteAsync(connection, set, organisation, ImportId, cancellationToken);
    }

    public async Task AppendLogAsync(ImportLogEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO import_log VALUES (now()::TIMESTAMP, $org, $file, $hash, $rows, $rejected, $summary)";
        command.Parameters.Add(new DuckDBParameter("org", entry.Organisation));
        command.Parameters.Add(new DuckDBParameter("file", entry.File));
        command.Parameters.Add(new DuckDBParameter("hash", entry.Sha256));
        command.Parameters.Add(new DuckDBParameter("rows", entry.RowsRead));
        command.Parameters.Add(new DuckDBParameter("rejected", entry.RowsRejected));
        command.Parameters.Add(new DuckDBParameter("summary", entry.Summary));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordImportAsync(ImportRun run, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        await run.InsertAsync(command, StoreSqlDialect.DuckDb, cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) =>
        _transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
