using GradeLens.Core.Storage.Backup;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>The PostgreSQL store's backup and restore (<see cref="PostgresBackup"/>), on their own pooled connection.</summary>
public sealed partial class PostgresStore : IStoreBackup
{
    public Task<BackupReport> BackupAsync(string file, bool overwrite = false, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PostgresBackup.BackupAsync(_dataSource, Location, file, overwrite, progress, cancellationToken);

    /// <remarks>
    /// A restore rewrites schema_info, whose row version is part of the data version answers are kept under
    /// (<see cref="GetDataVersionAsync"/>), so every server on the database sees the restored data on its next request.
    /// </remarks>
    public Task<RestoreReport> RestoreAsync(string file, bool replaceData = false, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PostgresBackup.RestoreAsync(_dataSource, Location, file, replaceData, progress, cancellationToken);
}
