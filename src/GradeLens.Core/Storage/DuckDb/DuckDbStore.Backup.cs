using GradeLens.Core.Storage.Backup;

namespace GradeLens.Core.Storage.DuckDb;

/// <summary>The DuckDB store's backup and restore (<see cref="DuckDbBackup"/>), on their own connection.</summary>
public sealed partial class DuckDbStore : IStoreBackup
{
    public async Task<BackupReport> BackupAsync(string file, bool overwrite = false, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await DuckDbBackup.BackupAsync(connection, Location, file, overwrite, progress, cancellationToken);
    }

    public async Task<RestoreReport> RestoreAsync(string file, bool replaceData = false, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await DuckDbBackup.RestoreAsync(connection, Location, file, replaceData, progress, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _restores);
        }
    }
}
