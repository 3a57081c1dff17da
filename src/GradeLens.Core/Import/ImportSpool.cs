using System.Security.Cryptography;
using System.Text;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Import;

/// <summary>
/// A folder of one import's own files (an upload's copies, the staging database's spill), inside the store's own folder
/// (for a PostgreSQL store, a folder of the system's temp named after it): never the shared temp folder, where a killed
/// import would leave pupil data for anyone to find. The folder is held by a lock file while in use; whatever no running
/// import holds is swept away when the server starts and after each import.
/// </summary>
public sealed class ImportSpool : IDisposable
{
    private const string LockName = ".in-use";

    private readonly FileStream _lock;

    private ImportSpool(IGradeStore store, string path, FileStream held)
    {
        Store = store;
        Path = path;
        _lock = held;
    }

    public IGradeStore Store { get; }

    /// <summary>The folder, created and held.</summary>
    public string Path { get; }

    /// <summary>Where a store's import folders live: "STOREDIR/.gradelens-imports" beside a DuckDB file.</summary>
    public static string RootOf(IGradeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Sql == StoreSqlDialect.DuckDb && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(store.Location)) is { } directory)
        {
            return System.IO.Path.Combine(directory, ".gradelens-imports");
        }

        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(store.Location)))[..16];
        return System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gradelens-imports-" + name);
    }

    /// <summary>A new folder for one import, held until disposed.</summary>
    public static ImportSpool Create(IGradeStore store)
    {
        var root = RootOf(store);
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(root, Guid.NewGuid().ToString("N")));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var held = new FileStream(System.IO.Path.Combine(directory.FullName, LockName), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        return new ImportSpool(store, directory.FullName, held);
    }

    /// <summary>Deletes every import folder of the store that no running import holds; returns how many.</summary>
    public static int Sweep(IGradeStore store)
    {
        var root = RootOf(store);
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var swept = 0;
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            try
            {
                var lockFile = System.IO.Path.Combine(folder, LockName);
                if (File.Exists(lockFile))
                {
                    // Held by a running import (this process or another): opening it exclusively fails.
                    using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                }

                Directory.Delete(folder, recursive: true);
                swept++;
            }
            catch (IOException)
            {
                // In use: its import sweeps it when it ends.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to delete.
            }
        }

        return swept;
    }

    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Swept at the next start.
        }

        Sweep(Store);
    }
}
