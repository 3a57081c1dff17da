using DuckDB.NET.Data;

namespace GradeLens.Core.Storage.Backup;

/// <summary>A backup file attached read-only whose manifest, schema version and checksums were checked.</summary>
public sealed record CheckedBackup(DuckDbAttachment Attachment, BackupManifest Manifest)
{
    /// <summary>The store tables the backup holds (its own manifest tables left out).</summary>
    public IReadOnlyList<string> Tables { get; } = [.. Manifest.Tables.Select(t => t.Table)];
}

/// <summary>Opens a backup for a restore and refuses one that is missing, not a backup, of another version or damaged.</summary>
public static class BackupFileCheck
{
    /// <summary>The checked backup (dispose its attachment when done), or the refusal and why.</summary>
    public static async Task<(CheckedBackup? Backup, RestoreReport? Refusal)> OpenAsync(DuckDBConnection connection, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (!File.Exists(file))
        {
            return (null, RestoreReport.Refused(RestoreOutcome.FileMissing, file, $"{file} does not exist."));
        }

        DuckDbAttachment attachment;
        try
        {
            attachment = await DuckDbAttachment.AttachAsync(connection, file, readOnly: true, cancellationToken);
        }
        catch (DuckDBException e)
        {
            return (null, RestoreReport.Refused(RestoreOutcome.NotABackup, file, $"{file} is not a GradeLens backup: DuckDB cannot open it ({e.Message.Split('\n', 2)[0].Trim()})."));
        }

        try
        {
            var refusal = await CheckAsync(connection, attachment.Alias, file, cancellationToken);
            if (refusal.Report is not null)
            {
                await attachment.DisposeAsync();
                return (null, refusal.Report);
            }

            return (new CheckedBackup(attachment, refusal.Manifest!), null);
        }
        catch
        {
            await attachment.DisposeAsync();
            throw;
        }
    }

    private static async Task<(RestoreReport? Report, BackupManifest? Manifest)> CheckAsync(DuckDBConnection connection, string alias, string file, CancellationToken cancellationToken)
    {
        var manifest = await BackupManifest.ReadAsync(connection, alias, cancellationToken);
        if (manifest is null)
        {
            return (RestoreReport.Refused(RestoreOutcome.NotABackup, file, $"{file} is not a GradeLens backup: it has no backup manifest (make one with 'gradelens backup')."), null);
        }

        if (manifest.SchemaVersion != StoreSchema.Version)
        {
            return (RestoreReport.Refused(RestoreOutcome.OtherVersion, file, OtherVersion(file, manifest.SchemaVersion), manifest), manifest);
        }

        var present = (await TableChecksums.ListTablesAsync(connection, alias, cancellationToken)).Except(BackupManifest.OwnTables).ToHashSet(StringComparer.Ordinal);
        var listed = manifest.Tables.Select(t => t.Table).ToHashSet(StringComparer.Ordinal);
        if (!present.SetEquals(listed))
        {
            var differences = string.Join(", ", listed.Except(present).Select(t => t + " (missing)").Concat(present.Except(listed).Select(t => t + " (not in the manifest)")));
            return (Damaged(file, manifest, $"its tables do not match its manifest: {differences}"), manifest);
        }

        foreach (var expected in manifest.Tables)
        {
            var actual = await TableChecksums.ComputeAsync(connection, alias, expected.Table, cancellationToken);
            if (actual != expected)
            {
                return (Damaged(file, manifest, $"table {expected.Table} has {actual.Rows:N0} rows with checksum {actual.Checksum}, but the manifest recorded {expected.Rows:N0} rows with checksum {expected.Checksum} (checksums by {manifest.ChecksumEngine})"), manifest);
            }
        }

        return (null, manifest);
    }

    /// <summary>
    /// Why a backup of another version is refused, and what to do. An older one is restored by the GradeLens that made it
    /// into a new store, which this GradeLens then opens (upgrading it in place) and backs up again.
    /// </summary>
    private static string OtherVersion(string file, int version) => version < StoreSchema.Version
        ? $"{file} is a backup of a schema version {version} store, but this GradeLens uses schema version {StoreSchema.Version} and restores only backups of that version; " +
          "restore it into a new store with the GradeLens version that made it, open that store once with this version (which upgrades it), then back it up again."
        : $"{file} is a backup of a schema version {version} store, but this GradeLens uses schema version {StoreSchema.Version}; restore it with the GradeLens version that made it.";

    private static RestoreReport Damaged(string file, BackupManifest manifest, string why) =>
        RestoreReport.Refused(RestoreOutcome.Damaged, file, $"{file} is damaged: {why}. Nothing was restored.", manifest);
}
