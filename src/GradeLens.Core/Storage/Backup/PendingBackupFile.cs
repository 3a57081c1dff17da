namespace GradeLens.Core.Storage.Backup;

/// <summary>
/// A backup being written under a temporary name beside its destination (<c>FILE.partial-GUID</c>), so a killed backup
/// never leaves a file that looks complete; <see cref="Complete"/> renames it, disposing without completing deletes it.
/// </summary>
public sealed class PendingBackupFile : IDisposable
{
    private bool _completed;

    public PendingBackupFile(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        Destination = Path.GetFullPath(destination);
        TemporaryPath = $"{Destination}.partial-{Guid.NewGuid():N}";
    }

    public string Destination { get; }

    public string TemporaryPath { get; }

    /// <summary>Moves the finished file into place; false when the destination exists and may not be replaced.</summary>
    public bool Complete(bool overwrite)
    {
        if (!overwrite && File.Exists(Destination))
        {
            return false;
        }

        File.Move(TemporaryPath, Destination, overwrite);
        _completed = true;
        return true;
    }

    public void Dispose()
    {
        if (!_completed)
        {
            File.Delete(TemporaryPath);
            File.Delete(TemporaryPath + ".wal");
        }
    }
}
