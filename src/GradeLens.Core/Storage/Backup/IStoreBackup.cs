namespace GradeLens.Core.Storage.Backup;

/// <summary>
/// Backup and restore of a whole store. A backup is a DuckDB file holding a copy of every table of the store and a
/// manifest (<see cref="BackupManifest"/>); see docs/decisions/0006-backup-file.md. A store that supports it implements
/// this beside <see cref="IGradeStore"/>: <c>if (store is IStoreBackup backup)</c>.
/// </summary>
public interface IStoreBackup
{
    /// <summary>
    /// Copies every table of the store, as of one moment, into a new backup file. The file appears only when it is complete
    /// (written to a temporary name, then renamed); an existing file is replaced only when <paramref name="overwrite"/>.
    /// </summary>
    Task<BackupReport> BackupAsync(string file, bool overwrite = false, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the backup (manifest, checksums, schema version), then replaces every table of the store with the backup's in
    /// one transaction, verified against the manifest before it commits. A store holding data is replaced only when
    /// <paramref name="replaceData"/>. Any failure leaves the store as it was.
    /// </summary>
    Task<RestoreReport> RestoreAsync(string file, bool replaceData = false, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default);
}
