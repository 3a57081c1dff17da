using System.Text.Json;

namespace GradeLens.Testing;

/// <summary>
/// The one way every test project finds what lies outside it: ../shared/data (the real datasets), ../shared/reference
/// (independent reference values) and this repository's docs/samples (mappings), searched upwards from the test
/// binaries — and, for a clone made elsewhere (`git clone -q . "$(mktemp -d)"`), upwards from the repository it was
/// cloned from (its origin, when that is a folder on this machine). Read where they are: never copied or changed.
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
        var origin = ClonedFrom();
        return Above(AppContext.BaseDirectory, relative) ?? (origin is null ? null : Above(origin, relative))
            ?? throw new DirectoryNotFoundException($"No \"{relative}\" above {AppContext.BaseDirectory}{(origin is null ? "" : $" or above {origin}, where this clone came from")}.");
    }

    private static string? Above(string start, string relative)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The folder this repository was cloned from: its .git/config's origin url, when that is a local folder.</summary>
    private static string? ClonedFrom()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var config = System.IO.Path.Combine(directory.FullName, ".git", "config");
            if (!File.Exists(config))
            {
                continue;
            }

            var inOrigin = false;
            foreach (var line in File.ReadLines(config).Select(l => l.Trim()))
            {
                if (line.StartsWith('['))
                {
                    inOrigin = line == "[remote \"origin\"]";
                }
                else if (inOrigin && line.StartsWith("url = ", StringComparison.Ordinal) && Directory.Exists(line["url = ".Length..]))
                {
                    return line["url = ".Length..];
                }
            }

            return null;
        }

        return null;
    }
}
