namespace GradeLens.Core.Reports;

/// <summary>The folder a report goes to: new or empty, or (with force) one whose report files are written over.</summary>
public static class ReportFolder
{
    /// <summary>Why the report may not be written to <paramref name="directory"/>, or null when it may.</summary>
    public static string? Refusal(string directory, bool force)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (File.Exists(directory))
        {
            return $"{directory} is a file: --out names the folder the report goes to.";
        }

        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any() && !force)
        {
            return $"{directory} is not empty: choose a new or empty folder, or pass --force to write the report over it (other files there are left alone).";
        }

        return null;
    }
}
