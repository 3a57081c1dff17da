using DuckDB.NET.Data;
using GradeLens.Core.Import.Staging;

namespace GradeLens.Core.Import.Writing;

/// <summary>A DuckDB store's writer: the store's tables are in the staging connection, so each write set is upserted by SQL in place.</summary>
internal sealed class DuckDbImportWriter(DuckDBConnection connection) : IImportWriter
{
    private DuckDBTransaction? _transaction;

    public async Task BeginAsync(CancellationToken cancellationToken) =>
        _transaction = (DuckDBTransaction)await connection.BeginTransactionAsync(cancellationToken);

    public async Task<WriteCounts> WriteStudentsAsync(StudentWriteSet set, string organisation, CancellationToken cancellationToken)
    {
        await set.CreateViewsAsync(connection, organisation, cancellationToken);
        return await new StudentWriter(connection, set, organisation).WriteAsync(cancellationToken);
    }

    public async Task<WriteCounts> WriteAreasAsync(AreaWriteSet set, string organisation, CancellationToken cancellationToken)
    {
        await set.CreateViewsAsync(connection, cancellationToken);
        return await AreaRows.WriteAsync(connection, set, organisation, cancellationToken);
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

    public Task CommitAsync(CancellationToken cancellationToken) =>
        _transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
