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

/// <summary>Finds ../shared/data from the test binaries, never copying or changing it.</summary>
public static class SharedFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return System.IO.Path.Combine(candidate, relative);
            }
        }

        throw new DirectoryNotFoundException("shared/data was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>../shared/reference/reference.json: values computed independently with scipy, statsmodels and scikit-learn.</summary>
    public static System.Text.Json.JsonDocument Reference() =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Path(""), "..", "reference", "reference.json")));
}
