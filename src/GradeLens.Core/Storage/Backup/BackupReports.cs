namespace GradeLens.Core.Storage.Backup;

/// <summary>A table's row count and content checksum, as the manifest records them (see <see cref="TableChecksums"/>).</summary>
public sealed record TableChecksum(string Table, long Rows, string Checksum);

public enum BackupOutcome
{
    Written,
    FileExists,
}

/// <param name="Manifest">What the file holds; null when nothing was written.</param>
public sealed record BackupReport(BackupOutcome Outcome, string File, string Message, BackupManifest? Manifest)
{
    public bool Succeeded => Outcome == BackupOutcome.Written;
}

public enum RestoreOutcome
{
    Restored,
    FileMissing,
    NotABackup,
    Damaged,
    OtherVersion,
    DifferentTables,
    TargetNotEmpty,
}

/// <summary>A table's row count.</summary>
public sealed record TableRows(string Table, long Rows);

/// <param name="Manifest">The backup's manifest, once it was read.</param>
/// <param name="Replaced">The target's tables that held data before the restore (what was, or would have been, replaced).</param>
public sealed record RestoreReport(RestoreOutcome Outcome, string File, string Message, BackupManifest? Manifest, IReadOnlyList<TableRows> Replaced)
{
    public bool Succeeded => Outcome == RestoreOutcome.Restored;

    public static RestoreReport Refused(RestoreOutcome outcome, string file, string message, BackupManifest? manifest = null) =>
        new(outcome, file, message, manifest, []);
}
