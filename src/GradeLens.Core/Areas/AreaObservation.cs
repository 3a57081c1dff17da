namespace GradeLens.Core.Areas;

/// <summary>
/// One area (a state, a county) in one year: its measures by name (poverty_percent, median_income, ...) and its
/// average scores by "grade × subject" key (<see cref="AreaNames.ScoreKey"/>). A measure or score the area lacks that
/// year is simply absent; a non-finite value counts as absent.
/// </summary>
/// <param name="ParentArea">The area this one lies in (a county's state), or null for a top-level area.</param>
/// <param name="Code">The area's code where it has one (a county's 5-digit FIPS code, which places it on the map).</param>
public sealed record AreaObservation(
    string Area,
    string? ParentArea,
    int Year,
    IReadOnlyDictionary<string, double> Measures,
    IReadOnlyDictionary<string, double> Scores,
    string? Code = null);

/// <summary>The names the Areas analysis uses for the NAEP measures and scores.</summary>
public static class AreaNames
{
    public const string Poverty = "poverty_percent";
    public const string MedianIncome = "median_income";
    public const string Unemployment = "unemployment_rate";

    /// <summary>The three measures the study regressed on, in its order.</summary>
    public static IReadOnlyList<string> StudyMeasures { get; } = [Poverty, MedianIncome, Unemployment];

    /// <summary>The four scores, in the reference's order.</summary>
    public static IReadOnlyList<string> StudyScores { get; } =
        [ScoreKey("Mathematics", 4), ScoreKey("Mathematics", 8), ScoreKey("Reading", 4), ScoreKey("Reading", 8)];

    /// <summary>"Mathematics grade 4": the key of a subject's average score in a grade.</summary>
    public static string ScoreKey(string subject, int grade) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{subject} grade {grade}");
}
