using System.Text.Json;
using GradeLens.Core.Gaps;

namespace GradeLens.Core.Tests.Gaps;

/// <summary>
/// The nine gaps of reference.json "exams"."gaps" (scipy and statsmodels on StudentsPerformance.csv), and each
/// group's sufficient statistics counted from the same file here, so the tests start where the SQL leaves off.
/// </summary>
internal static class ReferenceGaps
{
    /// <summary>Relative tolerance the issue asks for.</summary>
    public const double Relative = 1e-6;

    public static JsonElement Gaps()
    {
        using var reference = SharedFiles.Reference();
        return reference.RootElement.GetProperty("exams").GetProperty("gaps").Clone();
    }

    public static TheoryData<int> Indexes() => [0, 1, 2, 3, 4, 5, 6, 7, 8];

    public static JsonElement Gap(int index) => Gaps()[index];

    /// <summary>Group A's and B's statistics of the gap's subject, below = score under 50 (the reference's rule).</summary>
    public static (GroupSummary A, GroupSummary B) Groups(int index)
    {
        var gap = Gap(index);
        var attribute = gap.GetProperty("attribute").GetString()!;
        var subject = gap.GetProperty("subject").GetString()!;
        return (Summary(attribute, gap.GetProperty("group_a").GetString()!, subject),
                Summary(attribute, gap.GetProperty("group_b").GetString()!, subject));
    }

    public static void Close(double expected, double actual, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(error <= Relative, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }

    private static GroupSummary Summary(string attribute, string value, string subject)
    {
        var (headers, rows) = Import.Mapping.MappingTestData.ReadSample("students-performance/StudentsPerformance.csv", int.MaxValue);
        var group = headers.ToList().IndexOf(attribute);
        var score = headers.ToList().IndexOf(subject);
        var scores = rows.Where(r => r[group] == value).Select(r => double.Parse(r[score]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var mean = scores.Average();
        var variance = scores.Sum(s => (s - mean) * (s - mean)) / (scores.Count - 1);
        return new GroupSummary(scores.Count, mean, variance, scores.Count(s => s < 50));
    }
}
