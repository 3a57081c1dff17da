using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Testing;

namespace GradeLens.Browser.Tests;

/// <summary>The shared datasets (../shared/data, read where they are) and their mappings in docs/samples, found by <see cref="SharedFiles"/>.</summary>
internal static class SharedSamples
{
    /// <summary>An import of a shared file with its sample mapping, e.g. "uci-student/student-mat.csv".</summary>
    public static ImportRequest Request(string dataset) =>
        new([SharedFiles.Path(dataset)], ImportMapping.FromJson(File.ReadAllText(SharedFiles.Mapping(dataset))));
}
