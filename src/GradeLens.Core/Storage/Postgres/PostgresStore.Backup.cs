using GradeLens.Core.Storage.Backup;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>The PostgreSQL store's backup and restore (<see cref="PostgresBackup"/>), on their own pooled connection.</summary>
public sealed partial class PostgresStore : IStoreBackup
{
    public Task<BackupReport> BackupAsync(string file, bool overwrite = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PostgresBackup.BackupAsync(_dataSource, Location, file, overwrite, progress, cancellationToken);

    /// <remarks>
    /// A restore rewrites schema_info, whose row version is part of the data version cached answers are keyed on
    /// (<see cref="CachedAsync"/>), so every server on the database sees the restored data on its next request.
    /// </remarks>
    public async Task<RestoreReport> RestoreAsync(string file, bool replaceData = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await PostgresBackup.RestoreAsync(_dataSource, Location, file, replaceData, progress, cancellationToken);
        }
        finally
        {
            _answers.Clear();
        }
    }
}
