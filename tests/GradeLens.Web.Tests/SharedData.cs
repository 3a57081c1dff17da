using System.Text.Json;

namespace GradeLens.Web.Tests;

/// <summary>Finds ../shared (data and reference values) and docs/samples from the test binaries; never copies or changes them.</summary>
public static class SharedData
{
    public const string Exams = "students-performance/StudentsPerformance.csv";

    public static string File(string relative) => Path.Combine(FindUp(Path.Combine("shared", "data")), relative);

    /// <summary>docs/samples/NAME.mapping.json for a shared file.</summary>
    public static string Mapping(string relative) => Path.Combine(FindUp(Path.Combine("docs", "samples")), Path.GetFileName(relative) + ".mapping.json");

    /// <summary>reference.json "exams"."gaps": scipy and statsmodels on StudentsPerformance.csv.</summary>
    public static JsonElement ReferenceGaps()
    {
        var path = Path.Combine(FindUp(Path.Combine("shared", "reference")), "reference.json");
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        return json.RootElement.GetProperty("exams").GetProperty("gaps").Clone();
    }

    /// <summary>The reference gap of an attribute and a subject ("math score").</summary>
    public static JsonElement ReferenceGap(string attribute, string subject) =>
        ReferenceGaps().EnumerateArray().Single(g => g.GetProperty("attribute").GetString() == attribute && g.GetProperty("subject").GetString() == subject);

    public static void Close(double expected, double actual, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(error <= 1e-6, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }

    private static string FindUp(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No \"{relative}\" above {AppContext.BaseDirectory}.");
    }
}
