using System.Text.Json;

namespace GradeLens.Testing;

/// <summary>The exam table and its reference gaps (scipy, statsmodels), for tests of the gaps through the API and the CLI (files found by <see cref="SharedFiles"/>).</summary>
public static class SharedData
{
    public const string Exams = "students-performance/StudentsPerformance.csv";

    public static string File(string relative) => SharedFiles.Path(relative);

    /// <summary>docs/samples/NAME.mapping.json for a shared file.</summary>
    public static string Mapping(string relative) => SharedFiles.Mapping(relative);

    /// <summary>reference.json "exams"."gaps": scipy and statsmodels on StudentsPerformance.csv.</summary>
    public static JsonElement ReferenceGaps()
    {
        using var json = SharedFiles.Reference();
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
}
