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
    public static async Task<BackupReport> BackupAsync(DuckDBConnection connection, string location, string file, bool overwrite, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        using var pending = new PendingBackupFile(file);
        if (!overwrite && File.Exists(pending.Destination))
        {
            return BackupReport.FileExists(pending.Destination);
        }

        var catalog = await CatalogAsync(connection, cancellationToken);
        var tables = await StoreTablesAsync(connection, catalog, cancellationToken);
        BackupManifest manifest;
        await using (var backup = await DuckDbAttachment.AttachAsync(connection, pending.TemporaryPath, readOnly: false, cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            for (var i = 0; i < tables.Count; i++)
            {
                progress?.Report(new StageProgress($"Copying {tables[i]}", (double)i / (tables.Count + 1)));
                await DuckDbStore.ExecuteAsync(connection, $"CREATE TABLE {SqlName.Table(backup.Alias, tables[i])} AS SELECT * FROM {SqlName.Table(catalog, tables[i])}", cancellationToken);
            }

            progress?.Report(new StageProgress("Checksumming", (double)tables.Count / (tables.Count + 1)));
            manifest = await BackupManifest.WriteAsync(connection, backup.Alias, tables, location, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (!pending.Complete(overwrite))
        {
            return BackupReport.FileExists(pending.Destination);
        }

        progress?.Report(new StageProgress("Done", 1));
        return BackupReport.Written(manifest, location, pending.Destination);
    }

    public static async Task<RestoreReport> RestoreAsync(DuckDBConnection connection, string location, string file, bool replaceData, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new StageProgress("Checking the backup", 0));
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
            return RestoreReport.DifferentTables(file, location, backup, tables);
        }

        var held = await BackupRows.HeldAsync(connection, table => SqlName.Table(catalog, table), tables, cancellationToken);
        if (held.Count > 0 && !replaceData)
        {
            return RestoreReport.TargetNotEmpty(file, location, backup.Manifest, held);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (expected, i) in backup.Manifest.Tables.Select((t, i) => (t, i)))
        {
            progress?.Report(new StageProgress($"Restoring {expected.Table}", (double)(i + 1) / (tables.Count + 1)));
            var target = SqlName.Table(catalog, expected.Table);
            await DuckDbStore.ExecuteAsync(connection, $"DELETE FROM {target}; INSERT INTO {target} BY NAME SELECT * FROM {SqlName.Table(attachment.Alias, expected.Table)}", cancellationToken);
            var restored = await TableChecksums.ComputeAsync(connection, catalog, expected.Table, cancellationToken);
            if (restored != expected)
            {
                await transaction.RollbackAsync(cancellationToken);
                return RestoreReport.Unverified(file, location, backup.Manifest, expected, restored);
            }
        }

        await ForgetDerivedTablesAsync(connection, catalog, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(new StageProgress("Done", 1));
        return RestoreReport.Restored(file, location, backup.Manifest, held);
    }

    /// <summary>The store's own tables: every base table but the derived ones (<see cref="StoreSchema.DerivedTables"/>), rebuilt on demand.</summary>
    private static async Task<IReadOnlyList<string>> StoreTablesAsync(DuckDBConnection connection, string catalog, CancellationToken cancellationToken) =>
        [.. (await TableChecksums.ListTablesAsync(connection, catalog, cancellationToken)).Except(StoreSchema.DerivedTables)];

    /// <summary>Empties the gaps' state table (if built), so the derived tables are rebuilt from the restored data.</summary>
    private static async Task ForgetDerivedTablesAsync(DuckDBConnection connection, string catalog, CancellationToken cancellationToken)
    {
        if ((await TableChecksums.ListTablesAsync(connection, catalog, cancellationToken)).Contains(StoreSchema.DerivedStateTable))
        {
            await DuckDbStore.ExecuteAsync(connection, $"DELETE FROM {SqlName.Table(catalog, StoreSchema.DerivedStateTable)}", cancellationToken);
        }
    }

    private static async Task<string> CatalogAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_database()";
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)!;
    }
}
