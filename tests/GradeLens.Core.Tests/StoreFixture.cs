using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Core.Tests;

/// <summary>A fresh DuckDB store file in its own temp folder, deleted afterwards. One per test.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private TempStore(string directory, DuckDbStore store)
    {
        Directory = directory;
        Store = store;
    }

    public string Directory { get; }

    public DuckDbStore Store { get; }

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public static async Task<TempStore> CreateAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gradelens-test-").FullName;
        return new TempStore(directory, await DuckDbStore.OpenAsync(System.IO.Path.Combine(directory, "store.duckdb")));
    }

    /// <summary>Writes a text file into the store's folder and returns its path.</summary>
    public string WriteFile(string name, string content, System.Text.Encoding? encoding = null)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
