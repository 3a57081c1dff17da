using System.Text.Json;

namespace GradeLens.Testing;

/// <summary>
/// The one way every test project finds what lies outside it: ../shared/data (the real datasets), ../shared/reference
/// (independent reference values) and this repository's docs/samples (mappings), searched upwards from the test
/// binaries. Read where they are: never copied or changed.
/// </summary>
public static class SharedFiles
{
    private static readonly Lazy<string> DataFolder = new(() => FindUp(System.IO.Path.Combine("shared", "data")));
    private static readonly Lazy<string> SamplesFolder = new(() => FindUp(System.IO.Path.Combine("docs", "samples")));

    /// <summary>A file of ../shared/data, e.g. "students-performance/StudentsPerformance.csv".</summary>
    public static string Path(string relative) => System.IO.Path.Combine(DataFolder.Value, relative);

    /// <summary>../shared/data itself.</summary>
    public static string DataDirectory => DataFolder.Value;

    /// <summary>docs/samples of this repository.</summary>
    public static string SamplesDirectory => SamplesFolder.Value;

    /// <summary>docs/samples/NAME.mapping.json for a shared file.</summary>
    public static string Mapping(string relative) => System.IO.Path.Combine(SamplesFolder.Value, System.IO.Path.GetFileName(relative) + ".mapping.json");

    /// <summary>../shared/reference/reference.json: values computed independently with scipy, statsmodels and scikit-learn.</summary>
    public static JsonDocument Reference() =>
        JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(DataFolder.Value, "..", "reference", "reference.json")));

    private static string FindUp(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No \"{relative}\" above {AppContext.BaseDirectory}.");
    }
}
