using System.Text.Json;

namespace GradeLens.Core.Tests.Explore;

/// <summary>reference.json's explore.tests (scipy f_oneway and kruskal, statsmodels anova_oneway) and the tolerances every Explore test uses.</summary>
internal static class ExploreReference
{
    /// <summary>Statistics, degrees of freedom and effect sizes: absolute.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>p-values: relative, so p = 1e-30 is checked to its sixth digit.</summary>
    public const double RelativeTolerance = 1e-6;

    public static readonly string[] Subjects = ["math score", "reading score", "writing score"];

    /// <summary>Every entry: attribute, subject and its element.</summary>
    public static IReadOnlyList<(string Attribute, string Subject, JsonElement Entry)> Tests()
    {
        using var reference = SharedFiles.Reference();
        return reference.RootElement.GetProperty("explore").GetProperty("tests").EnumerateArray()
            .Select(e => (e.GetProperty("attribute").GetString()!, e.GetProperty("subject").GetString()!, e.Clone()))
            .ToList();
    }

    public static double Number(this JsonElement element, string path)
    {
        foreach (var part in path.Split('.'))
        {
            element = element.GetProperty(part);
        }

        return element.GetDouble();
    }

    public static void Close(double expected, double? actual, string what)
    {
        Assert.True(actual is { } value && Math.Abs(value - expected) <= Tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (tolerance {Tolerance}).");
    }

    public static void CloseRelative(double expected, double? actual, string what)
    {
        Assert.True(actual is { } value && Math.Abs(value - expected) <= RelativeTolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative tolerance {RelativeTolerance}).");
    }
}
