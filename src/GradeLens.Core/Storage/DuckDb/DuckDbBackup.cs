using System.Globalization;
using DuckDB.NET.Data;
using GradeLens.Core.Storage.Backup;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>
/// Backup: the backup file is attached to the store's database and every store table copied into it in one transaction
/// (one snapshot; the store stays usable). Restore: the checked backup is attached read-only and every table replaced
/// (delete, insert) in one transaction that is checked against the manifest before it commits.
/// </summary>
internal static class DuckDbBackup
{
    public static async Task<BackupReport> BackupAsync(DuckDBConnection connection, string location, string file, bool overwrite, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var pending = new PendingBackupFile(file);
        if (!overwrite && File.Exists(pending.Destination))
        {
            return Exists(pending.Destination);
        }

        var catalog = await CatalogAsync(connection, cancellationToken);
        var tables = await StoreTablesAsync(connection, catalog, cancellationToken);
        BackupManifest manifest;
        await using (var backup = await DuckDbAttachment.AttachAsync(connection, pending.TemporaryPath, readOnly: false, cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            for (var i = 0; i < tables.Count; i++)
            {
                progress?.Report(new ImportProgress($"Copying {tables[i]}", (double)i / (tables.Count + 1)));
                await DuckDbStore.ExecuteAsync(connection, $"CREATE TABLE {SqlName.Table(backup.Alias, tables[i])} AS SELECT * FROM {SqlName.Table(catalog, tables[i])}", cancellationToken);
            }

            progress?.Report(new ImportProgress("Checksumming", (double)tables.Count / (tables.Count + 1)));
            manifest = await BackupManifest.WriteAsync(connection, backup.Alias, tables, location, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (!pending.Complete(overwrite))
        {
            return Exists(pending.Destination);
        }

        progress?.Report(new ImportProgress("Done", 1));
        var rows = manifest.Tables.Sum(t => t.Rows);
        return new BackupReport(BackupOutcome.Written, pending.Destination,
            $"Backed up {manifest.Tables.Count} tables ({rows:N0} rows) of {location} to {pending.Destination}.", manifest);
    }

    public static async Task<RestoreReport> RestoreAsync(DuckDBConnection connection, string location, string file, bool replaceData, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new ImportProgress("Checking the backup", 0));
        var (backup, refusal) = await BackupFileCheck.OpenAsync(connection, file, cancellationToken);
        if (backup is null)
        {
            return refusal!;
        }

        await using var attachment = backup.Attachment;
        var catalog = await CatalogAsync(connection, cancellationToken);
        var tables = await StoreTablesAsync(connection, catalog, cancellationToken);
        if (!tables.ToHashSet(StringComparer.Ordinal).SetEquals(backup.Tables))
        {
            return RestoreReport.Refused(RestoreOutcome.DifferentTables, file,
                $"{file} holds the tables {string.Join(", ", backup.Tables)}, but {location} has {string.Join(", ", tables)}; nothing was restored.", backup.Manifest);
        }

        var held = await HeldRowsAsync(connection, catalog, tables, cancellationToken);
        if (held.Count > 0 && !replaceData)
        {
            return new RestoreReport(RestoreOutcome.TargetNotEmpty, file,
                $"{location} holds data ({Describe(held)}); restoring {file} would replace all of it. Nothing was changed; confirm with --yes.", backup.Manifest, held);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (expected, i) in backup.Manifest.Tables.Select((t, i) => (t, i)))
        {
            progress?.Report(new ImportProgress($"Restoring {expected.Table}", (double)(i + 1) / (tables.Count + 1)));
            var target = SqlName.Table(catalog, expected.Table);
            await DuckDbStore.ExecuteAsync(connection, $"DELETE FROM {target}; INSERT INTO {target} BY NAME SELECT * FROM {SqlName.Table(attachment.Alias, expected.Table)}", cancellationToken);
            var restored = await TableChecksums.ComputeAsync(connection, catalog, expected.Table, cancellationToken);
            if (restored != expected)
            {
                await transaction.RollbackAsync(cancellationToken);
                return RestoreReport.Refused(RestoreOutcome.DifferentTables, file,
                    $"Restoring {file} would have left {expected.Table} with {restored.Rows:N0} rows and checksum {restored.Checksum}, not the backup's {expected.Rows:N0} and {expected.Checksum}; {location} was not changed.", backup.Manifest);
            }
        }

        await ForgetDerivedTablesAsync(connection, catalog, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(new ImportProgress("Done", 1));
        var rows = backup.Manifest.Tables.Sum(t => t.Rows);
        return new RestoreReport(RestoreOutcome.Restored, file,
            $"Restored {backup.Manifest.Tables.Count} tables ({rows:N0} rows) from {file} (backup of {backup.Manifest.Source} taken {backup.Manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC) into {location}.",
            backup.Manifest, held);
    }

    /// <summary>The store's own tables: every base table but the derived ones (<see cref="DuckDbGapScores"/>), rebuilt on demand.</summary>
    private static async Task<IReadOnlyList<string>> StoreTablesAsync(DuckDBConnection connection, string catalog, CancellationToken cancellationToken) =>
        [.. (await TableChecksums.ListTablesAsync(connection, catalog, cancellationToken)).Except(DuckDbGapScores.Tables)];

    /// <summary>Tables with rows, but schema_info (every store has its one row).</summary>
    private static async Task<IReadOnlyList<TableRows>> HeldRowsAsync(DuckDBConnection connection, string catalog, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var held = new List<TableRows>();
        await using var command = connection.CreateCommand();
        foreach (var table in tables.Where(t => t != "schema_info"))
        {
            command.CommandText = $"SELECT count(*) FROM {SqlName.Table(catalog, table)}";
            var rows = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (rows > 0)
            {
                held.Add(new TableRows(table, rows));
            }
        }

        return held;
    }

    /// <summary>Empties the gaps' state table (if built), so the derived tables are rebuilt from the restored data.</summary>
    private static async Task ForgetDerivedTablesAsync(DuckDBConnection connection, string catalog, CancellationToken cancellationToken)
    {
        if ((await TableChecksums.ListTablesAsync(connection, catalog, cancellationToken)).Contains(DuckDbGapScores.StateTable))
        {
            await DuckDbStore.ExecuteAsync(connection, $"DELETE FROM {SqlName.Table(catalog, DuckDbGapScores.StateTable)}", cancellationToken);
        }
    }

    private static async Task<string> CatalogAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_database()";
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)!;
    }

    private static string Describe(IReadOnlyList<TableRows> held) =>
        string.Join(", ", held.Select(t => $"{t.Rows.ToString("N0", CultureInfo.InvariantCulture)} {t.Table}"));

    private static BackupReport Exists(string file) =>
        new(BackupOutcome.FileExists, file, $"{file} already exists; choose another --out or replace it with --force.", null);
}
