using GradeLens.Core.Import;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Hostile;

/// <summary>
/// The folders an import may leave files in, listed before it: the store's own folder (a DuckDB file's), the store's
/// import folders (<see cref="ImportSpool"/>) and the folder of the imported file. Afterwards, anything new is a leak —
/// but a folder with no file in it, a DuckDB write-ahead log, and the reject file of a successful import.
/// </summary>
internal sealed class ProbeFolders
{
    private readonly string _spool;
    private readonly IReadOnlyList<string> _folders;
    private readonly HashSet<string> _before;

    public ProbeFolders(IGradeStore store, string file)
    {
        _spool = ImportSpool.RootOf(store);
        var folders = new List<string> { Path.GetDirectoryName(Path.GetFullPath(file))! };
        if (store.Sql == StoreSqlDialect.DuckDb && Path.GetDirectoryName(Path.GetFullPath(store.Location)) is { } storeFolder)
        {
            folders.Add(storeFolder);
        }

        _folders = folders;
        _before = [.. Entries()];
    }

    /// <summary>What is new since the listing, or null; <paramref name="rejectFile"/> (a successful import's) is removed and allowed.</summary>
    public string? LeftBehind(string? rejectFile)
    {
        if (rejectFile is not null && File.Exists(rejectFile))
        {
            File.Delete(rejectFile);
        }

        var spooled = Directory.Exists(_spool) ? Directory.EnumerateFileSystemEntries(_spool, "*", SearchOption.AllDirectories).ToList() : [];
        var added = Entries().Where(e => !_before.Contains(e) && e != _spool && !e.EndsWith(".wal", StringComparison.Ordinal) && !IsEmptyFolder(e))
            .Concat(spooled.Where(e => !IsEmptyFolder(e))).Distinct().ToList();
        return added.Count == 0 ? null : string.Join(", ", added.Take(5).Select(Path.GetFileName));
    }

    /// <summary>A folder with no file in it at any depth holds no pupil data (DuckDB's spill folder once its blocks are freed).</summary>
    private static bool IsEmptyFolder(string path) => Directory.Exists(path) && !Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Any();

    private IEnumerable<string> Entries() => _folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFileSystemEntries(f));
}
