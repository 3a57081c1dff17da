using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Browser.Tests;

/// <summary>The shared datasets (../shared/data, read where they are) and their mappings in docs/samples.</summary>
internal static class SharedSamples
{
    /// <summary>An import of a shared file with its sample mapping, e.g. "uci-student/student-mat.csv".</summary>
    public static ImportRequest Request(string dataset)
    {
        var data = Above(Path.Combine("shared", "data"));
        var mapping = Path.Combine(Above(Path.Combine("docs", "samples")), Path.GetFileName(dataset) + ".mapping.json");
        return new ImportRequest([Path.Combine(data, dataset)], ImportMapping.FromJson(File.ReadAllText(mapping)));
    }

    private static string Above(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}");
    }
}
