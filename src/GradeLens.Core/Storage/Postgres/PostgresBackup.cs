using System.Data;
using DuckDB.NET.Data;
using GradeLens.Core.Storage.Backup;
using Npgsql;
using NpgsqlTypes;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// The PostgreSQL store's backup and restore, by moving rows between PostgreSQL (binary COPY) and DuckDB (appender):
/// the backup file, its manifest, its checks and its checksums are the DuckDB store's (docs/decisions/0006-backup-file.md).
/// Backup: every store table streamed out in one REPEATABLE READ transaction into the attached backup file.
/// Restore: every table replaced in one PostgreSQL transaction, the result streamed back into an in-memory DuckDB and
/// checksummed against the manifest before it commits.
/// </summary>
internal static class PostgresBackup
{
    /// <summary>A store column: its name and its PostgreSQL type as information_schema spells it.</summary>
    private sealed record Column(string Name, string Type);

    public static async Task<BackupReport> BackupAsync(NpgsqlDataSource dataSource, string location, string file, bool overwrite, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        using var pending = new PendingBackupFile(file);
        if (!overwrite && File.Exists(pending.Destination))
        {
            return BackupReport.FileExists(pending.Destination);
        }

        await using var duck = await OpenMemoryAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        BackupManifest manifest;
        await using (var backup = await DuckDbAttachment.AttachAsync(duck, pending.TemporaryPath, readOnly: false, cancellationToken))
        {
            IReadOnlyDictionary<string, IReadOnlyList<Column>> tables;
            await using (var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
            {
                tables = await StoreTablesAsync(connection, cancellationToken);
                var i = 0;
                foreach (var (table, columns) in tables)
                {
                    progress?.Report(new StageProgress($"Copying {table}", (double)i++ / (tables.Count + 1)));
                    await CopyOutAsync(connection, table, columns, duck, backup.Alias, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            progress?.Report(new StageProgress("Checksumming", (double)tables.Count / (tables.Count + 1)));
            manifest = await BackupManifest.WriteAsync(duck, backup.Alias, [.. tables.Keys], location, cancellationToken);
        }

        if (!pending.Complete(overwrite))
        {
            return BackupReport.FileExists(pending.Destination);
        }

        progress?.Report(new StageProgress("Done", 1));
        return BackupReport.Written(manifest, location, pending.Destination);
    }

    public static async Task<RestoreReport> RestoreAsync(NpgsqlDataSource dataSource, string location, string file, bool replaceData, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new StageProgress("Checking the backup", 0));
        await using var duck = await OpenMemoryAsync(cancellationToken);
        var (backup, refusal) = await BackupFileCheck.OpenAsync(duck, file, cancellationToken);
        if (backup is null)
        {
            return refusal!;
        }

        await using var attachment = backup.Attachment;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tables = await StoreTablesAsync(connection, cancellationToken);
        if (!tables.Keys.ToHashSet(StringComparer.Ordinal).SetEquals(backup.Tables))
        {
            return RestoreReport.DifferentTables(file, location, backup, [.. tables.Keys]);
        }

        var held = await BackupRows.HeldAsync(connection, SqlName.Identifier, [.. tables.Keys], cancellationToken);
        if (held.Count > 0 && !replaceData)
        {
            return RestoreReport.TargetNotEmpty(file, location, backup.Manifest, held);
        }

        var verification = await CatalogAsync(duck, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (expected, i) in backup.Manifest.Tables.Select((t, i) => (t, i)))
        {
            progress?.Report(new StageProgress($"Restoring {expected.Table}", (double)(i + 1) / (tables.Count + 1)));
            var columns = tables[expected.Table];
            await using (var delete = new NpgsqlCommand($"DELETE FROM {SqlName.Identifier(expected.Table)}", connection, transaction))
            {
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await CopyInAsync(duck, attachment.Alias, expected.Table, columns, connection, cancellationToken);

            // Read back what PostgreSQL now holds, checksummed as DuckDB checksummed the backup.
            await CopyOutAsync(connection, expected.Table, columns, duck, verification, cancellationToken);
            var restored = await TableChecksums.ComputeAsync(duck, verification, expected.Table, cancellationToken);
            if (restored != expected)
            {
                await transaction.RollbackAsync(cancellationToken);
                return RestoreReport.Unverified(file, location, backup.Manifest, expected, restored);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        progress?.Report(new StageProgress("Done", 1));
        return RestoreReport.Restored(file, location, backup.Manifest, held);
    }

    /// <summary>Every base table of the store's schema with its columns in order (PostgreSQL keeps no derived tables).</summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<Column>>> StoreTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type
            FROM information_schema.columns AS c
            JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position
            """, connection);
        var tables = new SortedDictionary<string, List<Column>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = reader.GetString(0);
            if (!tables.TryGetValue(table, out var columns))
            {
                tables[table] = columns = [];
            }

            columns.Add(new Column(reader.GetString(1), reader.GetString(2)));
        }

        return tables.ToDictionary(t => t.Key, t => (IReadOnlyList<Column>)t.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Creates the table in a DuckDB catalog with the DuckDB spelling of each column's type (the inverse of
    /// PostgresSchema's translation, so the table is Schema.sql's and checksums compare with a DuckDB store's), then
    /// streams the rows into it by binary COPY and a DuckDB appender.
    /// </summary>
    private static async Task CopyOutAsync(NpgsqlConnection source, string table, IReadOnlyList<Column> columns, DuckDBConnection target, string catalog, CancellationToken cancellationToken)
    {
        await using (var create = target.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE {SqlName.Table(catalog, table)} ({string.Join(", ", columns.Select(c => $"{SqlName.Identifier(c.Name)} {Types(c).DuckDb}"))})";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var types = columns.Select(c => Types(c).Postgres).ToArray();
        await using var exporter = await source.BeginBinaryExportAsync($"COPY {SqlName.Identifier(table)} ({Names(columns)}) TO STDOUT (FORMAT BINARY)", cancellationToken);
        using var appender = target.CreateAppender(catalog, "main", table);
        while (await exporter.StartRowAsync(cancellationToken) != -1)
        {
            var row = appender.CreateRow();
            foreach (var type in types)
            {
                if (exporter.IsNull)
                {
                    await exporter.SkipAsync(cancellationToken);
                    row.AppendNullValue();
                    continue;
                }

                row = type switch
                {
                    NpgsqlDbType.Text => row.AppendValue(await exporter.ReadAsync<string>(type, cancellationToken)),
                    NpgsqlDbType.Bigint => row.AppendValue(await exporter.ReadAsync<long>(type, cancellationToken)),
                    NpgsqlDbType.Integer => row.AppendValue(await exporter.ReadAsync<int>(type, cancellationToken)),
                    NpgsqlDbType.Double => row.AppendValue(await exporter.ReadAsync<double>(type, cancellationToken)),
                    NpgsqlDbType.Boolean => row.AppendValue(await exporter.ReadAsync<bool>(type, cancellationToken)),
                    NpgsqlDbType.Date => row.AppendValue(await exporter.ReadAsync<DateOnly>(type, cancellationToken)),
                    _ => row.AppendValue(await exporter.ReadAsync<DateTime>(type, cancellationToken)),
                };
            }

            row.EndRow();
        }
    }

    /// <summary>Streams the backup's rows of a table into the (emptied) store table by binary COPY.</summary>
    private static async Task CopyInAsync(DuckDBConnection source, string catalog, string table, IReadOnlyList<Column> columns, NpgsqlConnection target, CancellationToken cancellationToken)
    {
        var types = columns.Select(c => Types(c).Postgres).ToArray();
        await using var read = source.CreateCommand();
        read.CommandText = $"SELECT {Names(columns)} FROM {SqlName.Table(catalog, table)}";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await using var importer = await target.BeginBinaryImportAsync($"COPY {SqlName.Identifier(table)} ({Names(columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await StagedCopy.WriteRowsAsync(reader, importer, types, cancellationToken);
        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>The column's DuckDB type and the Npgsql type it is copied as; the store uses no others.</summary>
    private static (string DuckDb, NpgsqlDbType Postgres) Types(Column column) => column.Type switch
    {
        "text" or "character varying" => ("VARCHAR", NpgsqlDbType.Text),
        "bigint" => ("BIGINT", NpgsqlDbType.Bigint),
        "integer" => ("INTEGER", NpgsqlDbType.Integer),
        "double precision" => ("DOUBLE", NpgsqlDbType.Double),
        "boolean" => ("BOOLEAN", NpgsqlDbType.Boolean),
        "date" => ("DATE", NpgsqlDbType.Date),
        "timestamp without time zone" => ("TIMESTAMP", NpgsqlDbType.Timestamp),
        _ => throw new NotSupportedException($"Column {column.Name} has type {column.Type}, which a GradeLens backup cannot hold."),
    };

    private static string Names(IReadOnlyList<Column> columns) => string.Join(", ", columns.Select(c => SqlName.Identifier(c.Name)));

    private static async Task<DuckDBConnection> OpenMemoryAsync(CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<string> CatalogAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_database()";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
