using System.Globalization;

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

    public static BackupReport FileExists(string file) =>
        new(BackupOutcome.FileExists, file, $"{file} already exists; choose another --out or replace it with --force.", null);

    public static BackupReport Written(BackupManifest manifest, string location, string file)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var rows = manifest.Tables.Sum(t => t.Rows);
        return new(BackupOutcome.Written, file, $"Backed up {manifest.Tables.Count} tables ({rows:N0} rows) of {location} to {file}.", manifest);
    }
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

    /// <summary>The backup's tables are not the store's.</summary>
    public static RestoreReport DifferentTables(string file, string location, CheckedBackup backup, IReadOnlyList<string> storeTables)
    {
        ArgumentNullException.ThrowIfNull(backup);
        return Refused(RestoreOutcome.DifferentTables, file,
            $"{file} holds the tables {string.Join(", ", backup.Tables)}, but {location} has {string.Join(", ", storeTables)}; nothing was restored.", backup.Manifest);
    }

    /// <summary>The store holds data and the restore was not told to replace it.</summary>
    public static RestoreReport TargetNotEmpty(string file, string location, BackupManifest manifest, IReadOnlyList<TableRows> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        var described = string.Join(", ", held.Select(t => $"{t.Rows.ToString("N0", CultureInfo.InvariantCulture)} {t.Table}"));
        return new(RestoreOutcome.TargetNotEmpty, file,
            $"{location} holds data ({described}); restoring {file} would replace all of it. Nothing was changed; confirm with --yes.", manifest, held);
    }

    /// <summary>A restored table did not match the manifest (the restore was rolled back).</summary>
    public static RestoreReport Unverified(string file, string location, BackupManifest manifest, TableChecksum expected, TableChecksum restored)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(restored);
        return Refused(RestoreOutcome.DifferentTables, file,
            $"Restoring {file} would have left {expected.Table} with {restored.Rows:N0} rows and checksum {restored.Checksum}, not the backup's {expected.Rows:N0} and {expected.Checksum}; {location} was not changed.", manifest);
    }

    public static RestoreReport Restored(string file, string location, BackupManifest manifest, IReadOnlyList<TableRows> held)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var rows = manifest.Tables.Sum(t => t.Rows);
        return new(RestoreOutcome.Restored, file,
            $"Restored {manifest.Tables.Count} tables ({rows:N0} rows) from {file} (backup of {manifest.Source} taken {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC) into {location}.",
            manifest, held);
    }
}
